package dev.queuebench.cli;

import dev.queuebench.rundir.RunJsonFile;
import dev.queuebench.s3.RunUpload;
import dev.queuebench.s3.S3Connection;
import dev.queuebench.s3.S3Location;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code run --upload s3://bucket/prefix}: the run directory to S3 once everything in it is written
 * (run.json, the report), whatever the run's outcome, an interrupted one too; and, before the run, a
 * look at the bucket, so that a run whose upload cannot work fails before it spends its minutes. A
 * failed upload loses nothing: the message says where the run directory is.
 */
final class UploadAfterRun {
    /**
     * How long a signal's shutdown waits for the upload, beyond the recording: enough for hundreds of
     * megabytes at the tens of MB/s an injector gets from S3 in its region. Kubernetes sends SIGKILL after
     * the pod's terminationGracePeriodSeconds (30 by default), which the injectors' Job must raise to let
     * an interrupted part reach S3.
     */
    static final long WAIT_MILLIS = 300_000;

    private final S3Location base;
    private final AwsOptions aws;

    private UploadAfterRun(S3Location base, AwsOptions aws) {
        this.base = base;
        this.aws = aws;
    }

    /**
     * @param upload the option's value, or null
     * @return null without --upload
     * @throws dev.queuebench.rundir.BadInputException for a value that is no S3 location, or no region
     */
    static UploadAfterRun of(String upload, AwsOptions aws) {
        if (upload == null) {
            return null;
        }
        UploadAfterRun parsed = new UploadAfterRun(S3Location.parse(upload), aws);
        aws.check();
        return parsed;
    }

    /**
     * Before the run: the bucket is there and these credentials may list it at the prefix.
     *
     * @param runGroup the run's group, or null for a run of one injector
     * @throws dev.queuebench.rundir.BadInputException naming the bucket and what to check
     */
    void checkListable(String runGroup, int injectorIndex) {
        String where = runGroup == null ? base + "/<run-id>/"
                : base.child(runGroup).child(RunUpload.partFolder(injectorIndex)) + "/";
        try (S3Connection s3 = S3Connection.open(aws.access())) {
            s3.checkListable(base, "upload the run to " + where + " (checked before the run starts)");
        }
    }

    /**
     * Uploads every file of the run directory, run.json last; prints what went where, or what failed.
     *
     * @return whether every file is in S3
     */
    boolean upload(Path runDir) {
        String where = base.toString();
        try (S3Connection s3 = S3Connection.open(aws.access())) {
            S3Location to = RunUpload.destination(base, RunJsonFile.read(runDir));
            where = to + "/";
            System.out.println("Uploading the run directory to " + where);
            long startMillis = System.currentTimeMillis();
            RunUpload.Uploaded uploaded = new RunUpload(s3).upload(runDir, to);
            System.out.printf(Locale.ROOT, "Uploaded %d files (%.1f MB) to %s in %.1f s%n", uploaded.files(),
                    uploaded.bytes() / 1e6, where, (System.currentTimeMillis() - startMillis) / 1000.0);
            return true;
        } catch (IOException | RuntimeException e) {
            Path local = runDir.toAbsolutePath();
            System.err.println("The upload to " + where + " failed: " + e.getMessage());
            System.err.println("The run directory is intact at " + local + "; to upload it again: aws s3 cp "
                    + "--recursive " + local + " " + where);
            return false;
        }
    }
}
