package dev.queuebench.s3;

import dev.queuebench.rundir.RunFiles;
import dev.queuebench.rundir.RunJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * A run directory copied to S3, every file, so that {@code merge} can collect the parts of a
 * multi-injector run from one place. Where it goes ({@link #destination}):
 * <pre>
 *   s3://bucket/prefix/&lt;run-group&gt;/part-&lt;index&gt;/run.json, latency.hlog, gatling/simulation.log, …
 *   s3://bucket/prefix/&lt;run-id&gt;/…                      (a run without a run group)
 * </pre>
 * {@code run.json} goes last: a part whose {@code run.json} is in S3 was uploaded whole, which is what
 * {@code merge} checks. Each file is read from disk as it is sent, never held in memory whole: up to
 * {@link #MULTIPART_THRESHOLD_BYTES} in one PUT, above it (journeys.bin.gz of a long 30k run) in parts
 * of {@link #PART_SIZE_BYTES}, so that a failed request resends one part, not the file, and a file may
 * pass S3's 5 GiB limit for one PUT. Every body carries a CRC32 that S3 checks.
 */
public final class RunUpload {
    /** Files larger than this go up in parts. */
    public static final long MULTIPART_THRESHOLD_BYTES = 64L << 20;
    /** S3 takes 5 MiB to 5 GiB a part and at most 10,000 parts: 16 MiB parts carry files up to 156 GiB. */
    public static final long PART_SIZE_BYTES = 16L << 20;
    private static final String PART_PREFIX = "part-";

    /** What went up: where, how many files, how many bytes. */
    public record Uploaded(S3Location location, int files, long bytes) {
    }

    private final S3Connection connection;
    private final long multipartThresholdBytes;
    private final long partSizeBytes;

    public RunUpload(S3Connection connection) {
        this(connection, MULTIPART_THRESHOLD_BYTES, PART_SIZE_BYTES);
    }

    /** With other sizes, so a test sends a multipart upload without hundreds of megabytes. */
    RunUpload(S3Connection connection, long multipartThresholdBytes, long partSizeBytes) {
        if (partSizeBytes < 5L << 20) {
            throw new IllegalArgumentException("S3 parts must be at least 5 MiB, was " + partSizeBytes + " bytes");
        }
        this.connection = connection;
        this.multipartThresholdBytes = multipartThresholdBytes;
        this.partSizeBytes = partSizeBytes;
    }

    /** The folder in S3 of this run: {@code base/<run-group>/part-<index>}, or {@code base/<run-id>} alone. */
    public static S3Location destination(S3Location base, RunJson run) {
        String group = run.injector().runGroup();
        return group == null ? base.child(run.id())
                : base.child(group).child(partFolder(run.injector().index()));
    }

    /** The folder name of injector {@code index}'s part under its run group: {@code part-<index>}. */
    public static String partFolder(int index) {
        return PART_PREFIX + index;
    }

    /**
     * @return the part's index if {@code folder} is a part's folder name ({@code part-2}), else -1
     */
    public static int partIndex(String folder) {
        if (!folder.matches(PART_PREFIX + "\\d{1,5}")) {
            return -1;
        }
        return Integer.parseInt(folder.substring(PART_PREFIX.length()));
    }

    /**
     * Uploads every file below {@code runDir} to {@code to}, {@code run.json} last.
     *
     * @throws dev.queuebench.rundir.BadInputException when S3 refuses or cannot be reached: which file, where,
     *                                                 and what to check
     * @throws IOException when a file of the run cannot be read
     */
    public Uploaded upload(Path runDir, S3Location to) throws IOException {
        List<Path> files = filesRunJsonLast(runDir);
        long bytes = 0;
        for (Path file : files) {
            String relative = runDir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            String key = to.key(relative);
            long size = Files.size(file);
            String doing = "upload " + relative + " to " + to;
            try {
                if (size > multipartThresholdBytes) {
                    putInParts(file, size, to.bucket(), key);
                } else {
                    connection.withRetries(() -> connection.client().putObject(PutObjectRequest.builder()
                            .bucket(to.bucket()).key(key).checksumAlgorithm(ChecksumAlgorithm.CRC32).build(),
                            RequestBody.fromFile(file)));
                }
            } catch (SdkException e) {
                throw connection.problem(e, to, doing, "s3:PutObject");
            } catch (UncheckedIOException e) {
                throw connection.failed(e, doing);
            }
            bytes += size;
        }
        return new Uploaded(to, files.size(), bytes);
    }

    private static List<Path> filesRunJsonLast(Path runDir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(runDir)) {
            files = new ArrayList<>(walk.filter(Files::isRegularFile).sorted().toList());
        }
        Path runJson = runDir.resolve(RunFiles.RUN_JSON);
        files.sort(Comparator.comparing(runJson::equals));
        return files;
    }

    /** A multipart upload, aborted on failure so that S3 keeps (and bills) no orphaned parts. */
    private void putInParts(Path file, long size, String bucket, String key) {
        S3Client s3 = connection.client();
        String uploadId = connection.withRetries(() -> s3.createMultipartUpload(request -> request.bucket(bucket)
                .key(key).checksumAlgorithm(ChecksumAlgorithm.CRC32))).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int number = 1;
            for (long offset = 0; offset < size; offset += partSizeBytes, number++) {
                long length = Math.min(partSizeBytes, size - offset);
                UploadPartRequest request = UploadPartRequest.builder().bucket(bucket).key(key).uploadId(uploadId)
                        .partNumber(number).contentLength(length).checksumAlgorithm(ChecksumAlgorithm.CRC32).build();
                RequestBody body = RequestBody.fromContentProvider(slice(file, offset, length), length,
                        "application/octet-stream");
                UploadPartResponse sent = connection.withRetries(() -> s3.uploadPart(request, body));
                parts.add(CompletedPart.builder().partNumber(number).eTag(sent.eTag())
                        .checksumCRC32(sent.checksumCRC32()).build());
            }
            connection.withRetries(() -> s3.completeMultipartUpload(request -> request.bucket(bucket).key(key)
                    .uploadId(uploadId).multipartUpload(CompletedMultipartUpload.builder().parts(parts).build())));
        } catch (RuntimeException e) {
            try {
                s3.abortMultipartUpload(AbortMultipartUploadRequest.builder().bucket(bucket).key(key)
                        .uploadId(uploadId).build());
            } catch (RuntimeException abortFailed) {
                e.addSuppressed(abortFailed);
            }
            throw e;
        }
    }

    /** {@code length} bytes of the file from {@code offset}, opened afresh each time the SDK (re)sends them. */
    private static ContentStreamProvider slice(Path file, long offset, long length) {
        return () -> {
            try {
                InputStream in = Files.newInputStream(file);
                in.skipNBytes(offset);
                return new SliceInputStream(in, length);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        };
    }
}
