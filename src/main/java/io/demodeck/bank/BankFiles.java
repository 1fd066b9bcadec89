package io.demodeck.bank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the bank's {@code *.md} files: in a folder, or in the {@code questions/} folder packaged with the app
 * (inside the application jar, or {@code target/classes} when run from the build).
 */
public final class BankFiles {

    static final String PACKAGED_FOLDER = "questions/";
    private static final long MAX_FILE_BYTES = 5L * 1024 * 1024;

    private BankFiles() {
    }

    /** Undecodable or oversized files come back with a null text, so the loader can report them. */
    public static List<BankFile> fromDirectory(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<BankFile> result = new ArrayList<>();
            for (Path p : files.filter(BankFiles::isDeckFile).sorted(Comparator.comparing(Path::toString)).toList()) {
                result.add(new BankFile(p.getFileName().toString(),
                        Files.size(p) > MAX_FILE_BYTES ? null : decode(Files.readAllBytes(p))));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the question bank folder " + dir, e);
        }
    }

    public static List<BankFile> packaged() {
        URL location = BankFiles.class.getProtectionDomain().getCodeSource().getLocation();
        try {
            Path path = Path.of(location.toURI());
            if (Files.isDirectory(path)) {
                Path dir = path.resolve(PACKAGED_FOLDER);
                return Files.isDirectory(dir) ? fromDirectory(dir) : List.of();
            }
            return fromJar(path);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Unexpected code location " + location, e);
        }
    }

    private static List<BankFile> fromJar(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<BankFile> result = new ArrayList<>();
            List<? extends ZipEntry> entries = zip.stream()
                    .filter(e -> !e.isDirectory() && e.getName().startsWith(PACKAGED_FOLDER)
                            && e.getName().indexOf('/', PACKAGED_FOLDER.length()) < 0
                            && isDeckFile(Path.of(e.getName())))
                    .sorted(Comparator.comparing(ZipEntry::getName)).toList();
            for (ZipEntry e : entries) {
                try (var in = zip.getInputStream(e)) {
                    result.add(new BankFile(e.getName().substring(PACKAGED_FOLDER.length()),
                            decode(in.readNBytes((int) MAX_FILE_BYTES + 1))));
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the question bank packaged in " + jar, e);
        }
    }

    private static boolean isDeckFile(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".md") && !name.equalsIgnoreCase("README.md");
    }

    private static String decode(byte[] bytes) {
        if (bytes.length > MAX_FILE_BYTES) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
