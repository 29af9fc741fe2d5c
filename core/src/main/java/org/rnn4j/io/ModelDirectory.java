package org.rnn4j.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnn4j.Version;
import org.rnn4j.tensor.Tensor;

/**
 * A saved model: a folder with {@value #WEIGHTS} (the state dict under PyTorch's parameter names,
 * so {@code model.load_state_dict(safetensors.torch.load_file(...))} works in PyTorch) and
 * {@value #CONFIG} (architecture, scaling, columns or vocabulary, training settings, library version).
 *
 * <p><b>The folder is committed as a whole.</b> {@link #save} writes both files into a new folder
 * beside the target, named {@code .<name>.tmp-<random>}, forces each file and the folder to disk,
 * then renames the folder into place; an existing folder is first renamed aside to
 * {@code .<name>.old-<random>} and deleted once the new one is in place. A reader therefore sees the
 * old folder, the new one, or (for the instant between the two renames) none, never new weights
 * with an old config. A crash leaves only those recognisable names behind: the next {@link #save}
 * or {@link #load} of the same folder deletes them, and if the crash fell between the two renames it
 * first moves the old folder back. An existing folder is replaced only if it holds nothing but a
 * model's files, so a user's other files are never deleted. Renames were chosen over a manifest of hashes because they need
 * no reader to verify anything.
 */
public final class ModelDirectory {
    public static final String WEIGHTS = "model.safetensors";
    public static final String CONFIG = "config.json";

    private static final String TMP = ".tmp-";
    private static final String OLD = ".old-";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A loaded model folder. */
    public record Saved(Path dir, Map<String, Tensor> stateDict, JsonNode config, Map<String, String> metadata) {
    }

    private ModelDirectory() {
    }

    /** Metadata written into every weights file: PyTorch's format tag and this library's version. */
    public static Map<String, String> defaultMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format", "pt");
        m.put("rnn4j_version", Version.get());
        return m;
    }

    /** Writes {@code stateDict} and {@code config} into {@code dir}, creating it if needed. */
    public static void save(Path dir, Map<String, Tensor> stateDict, JsonNode config) throws IOException {
        if (!config.isObject()) {
            throw new IllegalArgumentException("model config must be a JSON object, got " + config.getNodeType());
        }
        byte[] configBytes;
        try {
            configBytes = JSON.writeValueAsBytes(config);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("model config cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        recover(target);
        String name = target.getFileName().toString();
        Path tmp = newFolder(parent, "." + name + TMP);
        boolean committed = false;
        try {
            SafeTensors.write(tmp.resolve(WEIGHTS), stateDict, defaultMetadata());
            CommitHook.reached(CommitHook.Point.WEIGHTS_WRITTEN);
            AtomicFiles.write(tmp.resolve(CONFIG), configBytes);
            CommitHook.reached(CommitHook.Point.CONFIG_WRITTEN);
            forceFolder(tmp);
            Path aside = null;
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                requireOnlyModelFiles(target);
                aside = parent.resolve("." + name + OLD + Long.toUnsignedString(System.nanoTime(), 36));
                move(target, aside);
                CommitHook.reached(CommitHook.Point.OLD_MOVED_ASIDE);
            }
            move(tmp, target);
            committed = true;
            forceFolder(parent);
            CommitHook.reached(CommitHook.Point.NEW_IN_PLACE);
            if (aside != null) {
                deleteTree(aside);
            }
        } finally {
            if (!committed) {
                deleteTree(tmp);
            }
        }
    }

    /**
     * The folder being replaced may hold only a model's files (and temporary files an older writer left):
     * replacing it as a whole must never delete a user's other files, as {@code --out .} would.
     */
    private static void requireOnlyModelFiles(Path target) throws IOException {
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileFormatException(target, "exists and is not a folder; a model folder cannot be written there");
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(target)) {
            for (Path p : ds) {
                String f = p.getFileName().toString();
                boolean stale = f.startsWith(".") && f.endsWith(".tmp") && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
                if (!f.equals(WEIGHTS) && !f.equals(CONFIG) && !stale) {
                    throw new FileFormatException(target, "holds " + f + ", which is not part of a model; a model folder is"
                            + " replaced as a whole, so write it to a new or empty folder");
                }
            }
        }
    }

    /**
     * Cleans what an interrupted {@link #save} of {@code dir} left beside it: if the folder itself is
     * missing but a folder moved aside exists, that one is moved back; then every temporary and
     * moved-aside folder of that name is deleted.
     */
    public static void recover(Path dir) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        String name = target.getFileName().toString();
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent, "." + name + ".*")) {
            for (Path p : ds) {
                String f = p.getFileName().toString();
                if (f.startsWith("." + name + TMP) || f.startsWith("." + name + OLD)) {
                    stale.add(p);
                }
            }
        }
        stale.sort(null);
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            for (Path p : stale) {
                if (p.getFileName().toString().startsWith("." + name + OLD)) {
                    move(p, target);
                    stale.remove(p);
                    break;
                }
            }
        }
        for (Path p : stale) {
            deleteTree(p);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Forces a folder's entries to disk where the platform allows opening a folder (Linux, macOS). */
    private static void forceFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not every platform can open a folder for syncing; the renames are still atomic there
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Reads the weights and config of a model folder. */
    public static Saved load(Path dir) throws IOException {
        if (Files.isDirectory(dir.toAbsolutePath().normalize().getParent())) {
            recover(dir);
        }
        Path weights = weightsFile(dir);
        Path configFile = dir.resolve(CONFIG);
        if (!Files.isRegularFile(configFile)) {
            throw new NoSuchFileException(configFile.toString(), null, "model folder has no " + CONFIG);
        }
        JsonNode config;
        try {
            config = JSON.readTree(configFile.toFile());
        } catch (JsonProcessingException e) {
            throw new FileFormatException(configFile, "not valid JSON: " + e.getOriginalMessage());
        }
        if (config == null || !config.isObject()) {
            throw new FileFormatException(configFile, "expected a JSON object");
        }
        SafeTensorsFile file = SafeTensors.read(weights);
        Map<String, Tensor> stateDict = file.stateDict();
        rejectNonFinite(weights, stateDict);
        return new Saved(dir, stateDict, config, file.metadata());
    }

    /** Fails, naming the file, the tensor and the first bad element, if a weight is NaN or infinite. */
    public static void rejectNonFinite(Path file, Map<String, Tensor> stateDict) throws FileFormatException {
        for (Map.Entry<String, Tensor> e : stateDict.entrySet()) {
            float[] v = e.getValue().data();
            for (int i = 0; i < v.length; i++) {
                if (!Float.isFinite(v[i])) {
                    throw new FileFormatException(file, "tensor " + e.getKey() + " holds a non-finite value (" + v[i]
                            + " at flat index " + i + "); the model cannot be used");
                }
            }
        }
    }

    /**
     * The weights file of {@code path}: the path itself if it is a file, else its {@value #WEIGHTS}.
     * Fails with a clear message if neither exists.
     */
    public static Path weightsFile(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            Path w = path.resolve(WEIGHTS);
            if (!Files.isRegularFile(w)) {
                throw new NoSuchFileException(path.toString(), null, "model folder has no " + WEIGHTS);
            }
            return w;
        }
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such file or folder");
        }
        return path;
    }

    /**
     * A new, empty folder {@code prefix<random>} in {@code parent}, created like any folder (not with
     * {@link Files#createTempDirectory}, whose mode is 0700), so the committed model folder gets the
     * usual permissions: 0777 less the process's umask on POSIX systems.
     */
    private static Path newFolder(Path parent, String prefix) throws IOException {
        while (true) {
            Path p = parent.resolve(prefix + Long.toUnsignedString(FOLDER_NAMES.nextLong(), 36));
            try {
                return Files.createDirectory(p);
            } catch (FileAlreadyExistsException e) {
                // another name
            }
        }
    }

    private static final SecureRandom FOLDER_NAMES = new SecureRandom();
}
