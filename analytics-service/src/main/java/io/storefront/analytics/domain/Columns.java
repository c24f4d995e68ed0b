package io.storefront.analytics.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a file's header to the fields we need, accepting the names stores' exports use:
 * case, spaces, dashes and underscores do not matter ("Order Date" = "order_date"), and each
 * field has aliases ("Sales" = "amount", "Sub-Category" = "sub_category").
 */
public final class Columns {

    private final String file;
    private final String[] header;
    private final Map<String, Integer> index = new HashMap<>();

    private Columns(String file, String[] header) {
        this.file = file;
        this.header = header;
    }

    /**
     * Resolves {@code wanted} (field → accepted aliases, in normal form) against {@code header}.
     * Fields in {@code required} that are missing become errors on line 1.
     */
    public static Columns resolve(String file, String[] header, Map<String, List<String>> wanted,
                                  List<String> required) {
        return resolve(file, header, wanted, required, Map.of());
    }

    /**
     * As above, with {@code mapping} (field → column name in the file) taking precedence over the
     * aliases: a store's own export names its columns as it likes.
     */
    public static Columns resolve(String file, String[] header, Map<String, List<String>> wanted,
                                  List<String> required, Map<String, String> mapping) {
        if (header == null) {
            throw new ImportRejected(List.of(new RowError(file, 1, null, "the file is empty; a header line is required")));
        }
        Columns columns = new Columns(file, header);
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
            positions.putIfAbsent(normal(header[i]), i);
        }
        List<RowError> missing = new ArrayList<>();
        for (var mapped : mapping.entrySet()) {
            Integer position = positions.get(normal(mapped.getValue()));
            if (position == null) {
                missing.add(new RowError(file, 1, mapped.getKey(), "the mapping names column '" + mapped.getValue()
                        + "' for " + mapped.getKey() + ", but the header has no such column"));
            } else {
                columns.index.put(mapped.getKey(), position);
            }
        }
        for (var field : wanted.entrySet()) {
            if (columns.index.containsKey(field.getKey())) continue;
            field.getValue().stream().filter(positions::containsKey).findFirst()
                    .ifPresent(alias -> columns.index.put(field.getKey(), positions.get(alias)));
            if (!columns.index.containsKey(field.getKey()) && required.contains(field.getKey())) {
                missing.add(new RowError(file, 1, field.getKey(), "column is missing from the header (accepted names: "
                        + String.join(", ", field.getValue()) + ")"));
            }
        }
        if (!missing.isEmpty()) throw new ImportRejected(missing);
        return columns;
    }

    public static String normal(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-./]+", "");
    }

    public boolean has(String field) {
        return index.containsKey(field);
    }

    /** The value of {@code field} in {@code row}; an absent column or a short row gives "". */
    public String value(String[] row, String field) {
        Integer i = index.get(field);
        return i == null || i >= row.length ? "" : row[i];
    }

    /** The column's name as the file spells it, for error messages. */
    public String nameInFile(String field) {
        Integer i = index.get(field);
        return i == null ? field : header[i].strip();
    }

    public String file() { return file; }

    public int width() { return header.length; }
}
