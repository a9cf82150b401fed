package dev.queuebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuebench.s3.GoldenParts;
import dev.queuebench.s3.LocalS3;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --upload} around the run, against a real S3-compatible server (S3Proxy): the bucket is
 * checked before anything starts, the finished run directory goes up whole and says where, and a failed
 * upload is exit 1 with the run directory's path, having changed nothing in it. (The run itself, and a
 * SIGTERM before the upload, are {@code InterruptedRunIT}'s.)
 */
class UploadAfterRunIT {
    private static final String BUCKET = "qb-uploads";

    @RegisterExtension
    static final LocalS3 s3 = LocalS3.withBuckets(BUCKET);

    @TempDir
    Path work;

    @Test
    void theFinishedRunGoesUpUnderItsRunGroupAndSaysWhere() throws IOException {
        Path part = GoldenParts.part(work, "p", "g-after", 1, 2);

        CommandOutput upload = upload("s3://" + BUCKET + "/runs", part);

        assertEquals(0, upload.exitCode(), upload.err());
        assertTrue(upload.out().startsWith("Uploading the run directory to s3://qb-uploads/runs/g-after/part-1/\n"
                + "Uploaded 7 files ("), upload.out());
        assertEquals(7, s3.objects(BUCKET, "runs/g-after/part-1/").size());
        assertNoCredentialIn(upload);
    }

    @Test
    void aFailedUploadIsAnErrorThatSaysWhereTheRunIsAndLosesNothing() throws IOException {
        Path part = GoldenParts.part(work, "p", "g-failed", 0, 2);
        Map<String, byte[]> before = files(part);

        CommandOutput upload = upload("s3://qb-no-such-bucket/runs", part);

        assertEquals(1, upload.exitCode(), "upload() says it failed");
        assertEquals(List.of("The upload to s3://qb-no-such-bucket/runs/g-failed/part-0/ failed: Cannot upload "
                + "alarms.json to s3://qb-no-such-bucket/runs/g-failed/part-0: there is no bucket 'qb-no-such-bucket' "
                + "in us-east-1 (endpoint " + s3.endpoint() + ") (S3 answered 404 NoSuchBucket): check the bucket's "
                + "name", "The run directory is intact at " + part.toAbsolutePath() + "; to upload it again: aws s3 cp "
                + "--recursive " + part.toAbsolutePath() + " s3://qb-no-such-bucket/runs/g-failed/part-0/"),
                upload.err().lines().toList());
        assertEquals(before.keySet(), files(part).keySet());
        files(part).forEach((name, bytes) -> assertTrue(Arrays.equals(before.get(name), bytes), name));
        assertNoCredentialIn(upload);
    }

    @Test
    void runChecksTheBucketBeforeItStartsAnything() {
        Path results = work.resolve("results");

        CommandOutput run = run("--upload", "s3://qb-no-such-bucket/runs", "--injector-count", "2",
                "--injector-index", "1", "--run-group", "g-early", "--start-at", "2030-01-01T00:00:00Z",
                "--results-dir", results.toString());

        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertEquals("Cannot upload the run to s3://qb-no-such-bucket/runs/g-early/part-1/ (checked before the run "
                + "starts): there is no bucket 'qb-no-such-bucket' in us-east-1 (endpoint " + s3.endpoint() + ") (S3 "
                + "answered 404 NoSuchBucket): check the bucket's name. The run has not started.", run.err().strip());
        assertFalse(Files.exists(results), "nothing ran");
        assertNoCredentialIn(run);
    }

    @Test
    void deniedAccessStopsTheRunBeforeItStarts() {
        LocalS3.useCredentials(LocalS3.KEY_ID, "not-the-secret");

        CommandOutput run = run("--upload", "s3://" + BUCKET + "/runs", "--results-dir", work.toString());

        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().startsWith("Cannot upload the run to s3://qb-uploads/runs/<run-id>/ (checked before the "
                + "run starts): S3 denied access to s3://qb-uploads/runs in us-east-1"), run.err());
        assertTrue(run.err().contains("allow s3:ListBucket on it. The run has not started."), run.err());
        assertNoCredentialIn(run);
    }

    @Test
    void anUploadThatIsNoS3LocationOrAwsOptionsWithoutAUseAreUsageErrors() {
        CommandOutput notS3 = CommandOutput.run("run", "--upload", "/tmp/runs");
        assertEquals(2, notS3.exitCode());
        assertTrue(notS3.err().startsWith("'/tmp/runs' is not an S3 location: give s3://bucket/prefix"), notS3.err());

        CommandOutput unused = CommandOutput.run("run", "--aws-region", "eu-west-1");
        assertEquals(2, unused.exitCode());
        assertTrue(unused.err().startsWith("--aws-region and --aws-endpoint-url go with --drill "
                + "elasticache-failover@SEC or --upload"), unused.err());
    }

    /** UploadAfterRun as run uses it, after the run: exit code 0 when every file went up, 1 when not. */
    private static CommandOutput upload(String location, Path runDir) {
        AwsOptions aws = new AwsOptions();
        aws.region = LocalS3.REGION;
        aws.endpointUrl = s3.endpoint();
        return CommandOutput.capture(() -> UploadAfterRun.of(location, aws).upload(runDir) ? 0 : 1);
    }

    private static CommandOutput run(String... options) {
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(List.of(options));
        args.addAll(List.of(s3.cliOptions()));
        return CommandOutput.run(args.toArray(String[]::new));
    }

    private static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static void assertNoCredentialIn(CommandOutput output) {
        LocalS3.assertNoCredentialIn((output.out() + output.err()).getBytes(StandardCharsets.UTF_8), "the console");
    }
}
