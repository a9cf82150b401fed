package dev.queuebench.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.queuebench.cli.CommandOutput;
import dev.queuebench.rundir.BadInputException;
import dev.queuebench.rundir.GoldenRunDirs;
import dev.queuebench.rundir.JsonFiles;
import dev.queuebench.rundir.RunFiles;
import dev.queuebench.rundir.RunJson;
import dev.queuebench.rundir.RunJsonFile;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parts of a multi-injector run through a real S3-compatible server (S3Proxy, in memory, checking
 * signatures): a part goes up under its run group and index, file for file; {@code merge s3://…} of two
 * parts is byte for byte the merge of the same parts on disk; each way S3 can fail is a message that
 * names the place and what to check, with nothing written to --out and no temporary copy left; and the
 * credentials reach no file, object or message.
 */
class S3PartsIT {
    private static final String BUCKET = "qb-results";

    @RegisterExtension
    static final LocalS3 s3 = LocalS3.withBuckets(BUCKET);

    @TempDir
    Path work;

    private Set<Path> temporaryBefore;

    @BeforeEach
    void noteTheTemporaryCopies() throws IOException {
        temporaryBefore = temporaryCopies();
    }

    @AfterEach
    void noTemporaryCopyLeft() throws IOException {
        assertEquals(temporaryBefore, temporaryCopies(), "merge left its temporary copies of the parts");
    }

    @Test
    void aPartGoesUpUnderItsRunGroupAndIndexEveryFileByteForByte() throws IOException {
        Path part = GoldenParts.part(work, "p1", "g-layout", 1, 2);

        RunUpload.Uploaded uploaded;
        try (S3Connection connection = S3Connection.open(s3.aws())) {
            uploaded = new RunUpload(connection).upload(part, RunUpload.destination(S3Location.parse(
                    "s3://" + BUCKET + "/runs"), RunJsonFile.read(part)));
        }

        assertEquals("s3://qb-results/runs/g-layout/part-1", uploaded.location().toString());
        Map<String, byte[]> objects = s3.objects(BUCKET, "runs/g-layout/");
        assertEquals(List.of("runs/g-layout/part-1/alarms.json", "runs/g-layout/part-1/gatling/simulation.log",
                "runs/g-layout/part-1/latency.hlog", "runs/g-layout/part-1/requests.csv",
                "runs/g-layout/part-1/run.json", "runs/g-layout/part-1/server-info.json",
                "runs/g-layout/part-1/server.csv"), List.copyOf(objects.keySet()));
        assertEquals(7, uploaded.files());
        long bytes = 0;
        for (Map.Entry<String, byte[]> object : objects.entrySet()) {
            Path file = part.resolve(object.getKey().substring("runs/g-layout/part-1/".length()));
            assertArrayEquals(Files.readAllBytes(file), object.getValue(), object.getKey());
            LocalS3.assertNoCredentialIn(object.getValue(), object.getKey());
            bytes += Files.size(file);
        }
        assertEquals(bytes, uploaded.bytes());
    }

    @Test
    void aRunOfOneInjectorGoesUpUnderItsRunId() throws IOException {
        Path run = GoldenRunDirs.copy(work, GoldenRunDirs.SMOKE);

        try (S3Connection connection = S3Connection.open(s3.aws())) {
            new RunUpload(connection).upload(run, RunUpload.destination(S3Location.parse("s3://" + BUCKET + "/single"),
                    RunJsonFile.read(run)));
        }

        assertEquals(Set.of("alarms.json", "latency.hlog", "requests.csv", "run.json", "server-info.json",
                "server.csv"), s3.objects(BUCKET, "single/" + GoldenRunDirs.SMOKE + "/").keySet().stream()
                .map(key -> key.substring(("single/" + GoldenRunDirs.SMOKE + "/").length()))
                .collect(Collectors.toSet()));
    }

    @Test
    void aFileAboveTheThresholdGoesUpInPartsAndComesBackWhole() throws IOException {
        Path part = GoldenParts.part(work, "big", "g-big", 0, 1);
        byte[] journeys = new byte[12 << 20];
        new Random(13).nextBytes(journeys);
        Files.write(part.resolve(RunFiles.JOURNEYS), journeys);

        try (S3Connection connection = S3Connection.open(s3.aws())) {
            new RunUpload(connection, 5L << 20, 5L << 20).upload(part, S3Location.parse("s3://" + BUCKET + "/big"));
        }

        String key = "big/" + RunFiles.JOURNEYS;
        // A multipart object's ETag is the parts' MD5 with their count: 12 MiB in 5 MiB parts is three.
        String etag = s3.client().headObject(request -> request.bucket(BUCKET).key(key)).eTag();
        assertTrue(etag.endsWith("-3\""), etag);
        assertArrayEquals(journeys, s3.client().getObjectAsBytes(request -> request.bucket(BUCKET).key(key))
                .asByteArray());
    }

    @Test
    void mergeFromS3IsTheMergeOfTheSamePartsOnDisk() throws IOException {
        Path part0 = GoldenParts.part(work, "p0", "g-merge", 0, 2);
        Path part1 = GoldenParts.part(work, "p1", "g-merge", 1, 2);
        upload(part0, part1);

        Path fromS3 = work.resolve("from-s3").resolve("merged");
        Path local = work.resolve("local").resolve("merged");
        CommandOutput s3Merge = merge(fromS3, "s3://" + BUCKET + "/runs/g-merge");
        CommandOutput localMerge = CommandOutput.run("merge", part0.toString(), part1.toString(), "--out",
                local.toString());

        assertEquals(localMerge.exitCode(), s3Merge.exitCode(), s3Merge.err());
        assertTrue(s3Merge.out().contains("Downloading 2 parts (injector 0, 1, "), s3Merge.out());
        assertTrue(s3Merge.out().contains("Merged 2 of 2 parts of run group g-merge into " + fromS3), s3Merge.out());
        for (String file : List.of(RunFiles.LATENCY_LOG, RunFiles.REQUESTS_CSV, RunFiles.SERVER_CSV,
                "parts/1/gatling/simulation.log")) {
            assertArrayEquals(Files.readAllBytes(local.resolve(file)), Files.readAllBytes(fromS3.resolve(file)), file);
        }
        JsonNode runFromS3 = JsonFiles.read(fromS3.resolve(RunFiles.RUN_JSON));
        assertEquals(JsonFiles.read(local.resolve(RunFiles.RUN_JSON)), runFromS3);
        RunJson merged = RunJsonFile.read(fromS3);
        assertEquals(List.of(0, 1), merged.partsOrNone().stream().map(RunJson.Part::index).toList());
        assertEquals("g-merge", merged.injector().runGroup());
        // Twice the golden run: the sum of two identical parts.
        long goldenOk = RunJsonFile.read(part0).totals().requests().values().stream().mapToLong(RunJson.Requests::ok)
                .sum();
        assertEquals(2 * goldenOk, merged.totals().requests().values().stream().mapToLong(RunJson.Requests::ok).sum());
        assertTrue(Files.isRegularFile(fromS3.resolve(RunFiles.REPORT_HTML)), "the merged run's report");
        LocalS3.assertNoCredentialIn(fromS3);
        assertNoCredentialIn(s3Merge);
    }

    @Test
    void aLocationWithNothingUnderItSaysWhatRunUploadWritesThere() {
        CommandOutput merge = merge(work.resolve("out"), "s3://" + BUCKET + "/nothing-here");

        assertRefused(merge, "Cannot merge: nothing under s3://qb-results/nothing-here/: check the bucket and the "
                + "prefix (run --upload s3://qb-results/nothing-here --run-group ID writes "
                + "s3://qb-results/nothing-here/ID/part-<n>/)");
    }

    @Test
    void theUploadPrefixItselfNamesTheRunGroupsUnderIt() throws IOException {
        upload(GoldenParts.part(work, "p0", "g-listed", 0, 1));

        CommandOutput merge = merge(work.resolve("out"), "s3://" + BUCKET + "/runs");

        assertRefused(merge, "no parts (part-<n>/) directly under s3://qb-results/runs, which holds ");
        assertTrue(merge.err().contains("g-listed/"), merge.err());
        assertTrue(merge.err().contains(": give the run group's location, e.g. s3://qb-results/runs/"), merge.err());
    }

    @Test
    void aRunOfOneInjectorIsNoRunGroup() throws IOException {
        Path run = GoldenRunDirs.copy(work, GoldenRunDirs.SMOKE);
        try (S3Connection connection = S3Connection.open(s3.aws())) {
            new RunUpload(connection).upload(run, S3Location.parse("s3://" + BUCKET + "/one/" + GoldenRunDirs.SMOKE));
        }

        CommandOutput merge = merge(work.resolve("out"), "s3://" + BUCKET + "/one/" + GoldenRunDirs.SMOKE);

        assertRefused(merge, "is one run's upload (run.json at its top), not the parts of a multi-injector run");
    }

    @Test
    void aPartWithoutRunJsonWasNotUploadedWholeAndNothingIsDownloaded() throws IOException {
        upload(GoldenParts.part(work, "p0", "g-cut", 0, 2), GoldenParts.part(work, "p1", "g-cut", 1, 2));
        s3.client().deleteObject(request -> request.bucket(BUCKET).key("runs/g-cut/part-1/run.json"));

        CommandOutput merge = merge(work.resolve("out"), "s3://" + BUCKET + "/runs/g-cut");

        assertRefused(merge, "Cannot merge: s3://qb-results/runs/g-cut/part-1 has no run.json: its upload did not "
                + "finish (run.json goes up last");
        assertFalse(merge.out().contains("Downloading"), merge.out());
    }

    @Test
    void aMissingBucketIsNamed() {
        CommandOutput merge = merge(work.resolve("out"), "s3://qb-no-such-bucket/runs/g1");

        assertRefused(merge, "Cannot merge: Cannot list the parts under s3://qb-no-such-bucket/runs/g1: there is no "
                + "bucket 'qb-no-such-bucket' in us-east-1 (endpoint " + s3.endpoint() + ") (S3 answered 404 "
                + "NoSuchBucket): check the bucket's name");
    }

    @Test
    void deniedAccessSaysWhichPermissionToCheck() {
        LocalS3.useCredentials(LocalS3.KEY_ID, "not-the-secret");

        CommandOutput merge = merge(work.resolve("out"), "s3://" + BUCKET + "/runs/g1");

        assertRefused(merge, "Cannot merge: Cannot list the parts under s3://qb-results/runs/g1: S3 denied access to "
                + "s3://qb-results/runs/g1 in us-east-1 (endpoint " + s3.endpoint() + ") (403 SignatureDoesNotMatch)");
        assertTrue(merge.err().contains("allow s3:ListBucket on it"), merge.err());
    }

    @Test
    void anUnreachableEndpointIsNamed() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        CommandOutput merge = CommandOutput.run("merge", "s3://" + BUCKET + "/runs/g1", "--out",
                work.resolve("out").toString(), "--aws-region", LocalS3.REGION, "--aws-endpoint-url",
                "http://127.0.0.1:" + closedPort);

        assertRefused(merge, "Cannot merge: Cannot list the parts under s3://qb-results/runs/g1: Cannot reach AWS in "
                + "us-east-1 (endpoint http://127.0.0.1:" + closedPort + "): ");
    }

    @Test
    void aBadLocationOrAMixIsAUsageError() {
        assertEquals(2, CommandOutput.run("merge", "s3://Not_A_Bucket/runs", "--out", work.resolve("a").toString())
                .exitCode());
        CommandOutput mixed = CommandOutput.run("merge", "s3://" + BUCKET + "/runs/g1", work.toString(), "--out",
                work.resolve("b").toString());
        assertEquals(2, mixed.exitCode());
        assertTrue(mixed.err().contains("give one s3://BUCKET/PREFIX/<run-group>"), mixed.err());
        CommandOutput awsWithoutS3 = CommandOutput.run("merge", work.toString(), "--out", work.resolve("c").toString(),
                "--aws-region", "eu-west-1");
        assertEquals(2, awsWithoutS3.exitCode());
        assertTrue(awsWithoutS3.err().contains("--aws-region and --aws-endpoint-url go with an s3:// location"),
                awsWithoutS3.err());
    }

    @Test
    void anOutThatHoldsSomethingIsRefusedBeforeAnyDownload() throws IOException {
        upload(GoldenParts.part(work, "p0", "g-out", 0, 1));
        Path out = Files.createDirectories(work.resolve("taken"));
        Files.writeString(out.resolve("note.txt"), "mine");

        CommandOutput merge = merge(out, "s3://" + BUCKET + "/runs/g-out");

        assertEquals(1, merge.exitCode(), merge.err());
        assertTrue(merge.err().contains(out + " exists and is not empty"), merge.err());
        assertFalse(merge.out().contains("Downloading"), merge.out());
        try (Stream<Path> inside = Files.list(out)) {
            assertEquals(List.of(out.resolve("note.txt")), inside.toList());
        }
    }

    @Test
    void anUploadToAMissingBucketSaysWhichFileAndWhere() throws IOException {
        Path part = GoldenParts.part(work, "p0", "g-none", 0, 1);

        BadInputException refused;
        try (S3Connection connection = S3Connection.open(s3.aws())) {
            refused = assertThrows(BadInputException.class, () -> new RunUpload(connection).upload(part,
                    S3Location.parse("s3://qb-no-such-bucket/runs/g-none/part-0")));
        }

        assertEquals("Cannot upload alarms.json to s3://qb-no-such-bucket/runs/g-none/part-0: there is no bucket "
                + "'qb-no-such-bucket' in us-east-1 (endpoint " + s3.endpoint() + ") (S3 answered 404 NoSuchBucket): "
                + "check the bucket's name", refused.getMessage());
    }

    /**
     * A PUT that S3 refuses before its body (404, 403) leaves a connection the server then closes; the JDK's
     * HTTP client kept it for the next request, which failed with "Unexpected end of file from server" in one
     * round of three here until the uploads stopped asking for 100-continue. Retrying such a failure gets the
     * upload through too, but slowly (38 s for these rounds, against 2): hence the time limit.
     */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void anUploadRightAfterARefusedOneGoesUp() throws IOException {
        Path run = GoldenRunDirs.copy(work, GoldenRunDirs.SMOKE);

        for (int round = 0; round < 10; round++) {
            try (S3Connection connection = S3Connection.open(s3.aws())) {
                assertThrows(BadInputException.class, () -> new RunUpload(connection).upload(run,
                        S3Location.parse("s3://qb-no-such-bucket/runs")));
            }
            try (S3Connection connection = S3Connection.open(s3.aws())) {
                assertEquals(6, new RunUpload(connection).upload(run, S3Location.parse("s3://" + BUCKET + "/again-"
                        + round)).files());
            }
        }
    }

    private void upload(Path... parts) throws IOException {
        try (S3Connection connection = S3Connection.open(s3.aws())) {
            for (Path part : parts) {
                new RunUpload(connection).upload(part, RunUpload.destination(S3Location.parse("s3://" + BUCKET
                        + "/runs"), RunJsonFile.read(part)));
            }
        }
    }

    private static CommandOutput merge(Path out, String location) {
        List<String> args = new ArrayList<>(List.of("merge", location, "--out", out.toString()));
        args.addAll(List.of(s3.cliOptions()));
        return CommandOutput.run(args.toArray(String[]::new));
    }

    /** Exit 1 with this in the message, --out not made, no credential said. */
    private void assertRefused(CommandOutput merge, String message) {
        assertEquals(1, merge.exitCode(), merge.out() + merge.err());
        assertTrue(merge.err().contains(message), merge.err());
        assertFalse(Files.exists(work.resolve("out")), "--out was created");
        assertNoCredentialIn(merge);
    }

    private static void assertNoCredentialIn(CommandOutput output) {
        LocalS3.assertNoCredentialIn((output.out() + output.err()).getBytes(StandardCharsets.UTF_8), "the console");
    }

    /** The temporary copies of downloaded parts now in java.io.tmpdir. */
    private static Set<Path> temporaryCopies() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(path -> path.getFileName().toString().startsWith("queuebench-s3-parts-"))
                    .collect(Collectors.toCollection(() -> new java.util.TreeSet<>()));
        }
    }
}
