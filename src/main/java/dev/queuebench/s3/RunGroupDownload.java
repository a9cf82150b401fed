package dev.queuebench.s3;

import dev.queuebench.rundir.BadInputException;
import dev.queuebench.rundir.RunFiles;
import dev.queuebench.rundir.RunJsonFile;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The parts of a multi-injector run where {@code run --upload} put them, {@code <group>/part-<n>/…}
 * ({@link RunUpload}), brought into a temporary directory for {@code merge} to read as local parts:
 * {@link #list} finds them and checks that each was uploaded whole (its {@code run.json}, which goes up
 * last, is there) before a byte is downloaded; {@link #download} streams every object to a file of its
 * own ({@code java.io.tmpdir}/queuebench-s3-parts-…/part-&lt;n&gt;/…); {@link #close} deletes the copies.
 */
public final class RunGroupDownload implements AutoCloseable {
    private static final String DELIMITER = "/";

    /** A part's folder in S3 and the keys and sizes of its objects. */
    private record Part(int index, S3Location location, Map<String, Long> sizeByKey) {
        long bytes() {
            return sizeByKey.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final S3Connection connection;
    private final S3Location group;
    private final List<Part> parts;
    private Path root;

    private RunGroupDownload(S3Connection connection, S3Location group, List<Part> parts) {
        this.connection = connection;
        this.group = group;
        this.parts = parts;
    }

    /**
     * Lists the parts under {@code group} and checks each has its {@code run.json}; downloads nothing.
     *
     * @throws BadInputException when S3 refuses the listing, or holds no parts there, or a part without
     *                           run.json: naming the location and what to check
     * @throws IOException       when the connection to S3 failed
     */
    public static RunGroupDownload list(S3Connection connection, S3Location group) throws IOException {
        Folder top = listFolder(connection, group, "list the parts under " + group);
        List<Part> parts = new ArrayList<>();
        for (String folder : top.folders()) {
            int index = RunUpload.partIndex(folder);
            if (index >= 0) {
                parts.add(part(connection, index, group.child(folder)));
            }
        }
        if (parts.isEmpty()) {
            throw noParts(group, top.folders(), top.files());
        }
        parts.sort(Comparator.comparingInt(Part::index));
        return new RunGroupDownload(connection, group, List.copyOf(parts));
    }

    /** What one level of a location holds: the names of its folders, and its files' names and sizes. */
    private record Folder(List<String> folders, Map<String, Long> files) {
    }

    /**
     * One level of {@code location} ({@code delimiter} "/"), or with {@code deep} every object below it,
     * folders and all, as files keyed by their path under the location.
     */
    private static Folder listFolder(S3Connection connection, S3Location location, String doing, boolean deep)
            throws IOException {
        String listPrefix = location.listPrefix();
        ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(location.bucket()).prefix(listPrefix)
                .delimiter(deep ? null : DELIMITER).build();
        try {
            return connection.withRetries(() -> {
                List<String> folders = new ArrayList<>();
                Map<String, Long> files = new TreeMap<>();
                for (ListObjectsV2Response page : connection.client().listObjectsV2Paginator(request)) {
                    for (CommonPrefix folder : page.commonPrefixes()) {
                        String name = folder.prefix().substring(listPrefix.length());
                        folders.add(name.substring(0, name.length() - DELIMITER.length()));
                    }
                    for (S3Object object : page.contents()) {
                        // A key ending in a slash is a console's "folder", no file of the run.
                        if (!object.key().endsWith(DELIMITER)) {
                            files.put(object.key().substring(listPrefix.length()), object.size());
                        }
                    }
                }
                return new Folder(folders, files);
            });
        } catch (SdkException e) {
            throw connection.problem(e, location, doing, "s3:ListBucket");
        } catch (UncheckedIOException e) {
            throw connection.failed(e, doing);
        }
    }

    private static Folder listFolder(S3Connection connection, S3Location location, String doing) throws IOException {
        return listFolder(connection, location, doing, false);
    }

    private static Part part(S3Connection connection, int index, S3Location location) throws IOException {
        Map<String, Long> sizeByKey = listFolder(connection, location, "list the files of " + location, true).files();
        if (!sizeByKey.containsKey(RunFiles.RUN_JSON)) {
            throw new BadInputException(location + " has no " + RunFiles.RUN_JSON + ": its upload did not finish "
                    + "(run.json goes up last, when every other file is there) or it is no part of a run. Upload that "
                    + "injector's run directory there again, e.g. aws s3 cp --recursive RUN_DIR " + location + "/");
        }
        return new Part(index, location, sizeByKey);
    }

    private static BadInputException noParts(S3Location group, List<String> folders, Map<String, Long> files) {
        String expected = " (run --upload " + group + " --run-group ID writes " + group + "/ID/part-<n>/)";
        if (files.containsKey(RunFiles.RUN_JSON)) {
            return new BadInputException(group + " is one run's upload (run.json at its top), not the parts of a "
                    + "multi-injector run: merge takes the location of a run group, the folder that holds part-<n>/"
                    + " folders");
        }
        if (!folders.isEmpty()) {
            List<String> shown = folders.stream().limit(10).map(folder -> folder + "/").toList();
            return new BadInputException("no parts (part-<n>/) directly under " + group + ", which holds "
                    + String.join(", ", shown) + (folders.size() > shown.size() ? ", …" : "")
                    + ": give the run group's location, e.g. " + group.child(folders.get(0)) + expected);
        }
        return new BadInputException("nothing under " + group + "/: check the bucket and the prefix" + expected);
    }

    /** How many parts there are. */
    public int partCount() {
        return parts.size();
    }

    /** The injector indexes of the parts, in order. */
    public List<Integer> indexes() {
        return parts.stream().map(Part::index).toList();
    }

    /** The bytes the download will bring. */
    public long bytes() {
        return parts.stream().mapToLong(Part::bytes).sum();
    }

    /**
     * Downloads every part into a new temporary directory, each object streamed to its file.
     *
     * @return each part's directory, by index
     * @throws BadInputException when S3 refuses a file, or a part's run.json names another injector than its
     *                           folder
     */
    public List<Path> download() throws IOException {
        if (root != null) {
            throw new IllegalStateException("downloaded already, into " + root);
        }
        root = Files.createTempDirectory("queuebench-s3-parts-");
        List<Path> dirs = new ArrayList<>();
        for (Part part : parts) {
            Path dir = root.resolve(RunUpload.partFolder(part.index()));
            for (String relative : part.sizeByKey().keySet()) {
                Path file = localFile(dir, part.location(), relative);
                Files.createDirectories(file.getParent());
                String key = part.location().key(relative);
                String doing = "download " + relative + " from " + part.location();
                try {
                    connection.withRetries(() -> {
                        deleteIfExists(file);
                        return connection.client().getObject(request -> request.bucket(part.location().bucket())
                                .key(key), ResponseTransformer.toFile(file));
                    });
                } catch (SdkException e) {
                    throw connection.problem(e, part.location(), doing, "s3:GetObject");
                } catch (UncheckedIOException e) {
                    throw connection.failed(e, doing);
                }
            }
            int recorded = RunJsonFile.read(dir).injector().index();
            if (recorded != part.index()) {
                throw new BadInputException(part.location() + "/" + RunFiles.RUN_JSON + " is injector " + recorded
                        + "'s, in the folder of injector " + part.index() + ": the parts were uploaded to the "
                        + "wrong place");
            }
            dirs.add(dir);
        }
        return List.copyOf(dirs);
    }

    /** The file of {@code relative} below the part's directory, refusing a key that would climb out of it. */
    private static Path localFile(Path dir, S3Location part, String relative) {
        Path file = dir.resolve(relative.replace(DELIMITER, File.separator)).normalize();
        if (!file.startsWith(dir) || file.equals(dir)) {
            throw new BadInputException("the key " + part.key(relative) + " leads out of its part's folder " + part
                    + ": not a file of a run");
        }
        return file;
    }

    /** A half-downloaded file of a failed attempt goes before the next: the SDK writes only new files. */
    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A message about the downloaded copies, with each copy's path replaced by its S3 location. */
    public String inS3Terms(String message) {
        if (root == null || message == null) {
            return message;
        }
        return message.replace(root.toString(), group.toString());
    }

    /** Deletes the downloaded copies. */
    @Override
    public void close() throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
