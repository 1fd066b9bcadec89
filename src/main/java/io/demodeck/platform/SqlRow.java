package io.demodeck.platform;

import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One row of a native query, read by column name as a JDBC result set is, instead of {@code Object[]} positions.
 * The query must be created with {@code em.createNativeQuery(sql, Tuple.class)}; columns are named by their SQL
 * alias, in lower case as PostgreSQL returns them. A getter of a primitive refuses a null, the {@code OrNull} ones
 * and the object ones (strings, times, bytes) pass it on.
 */
public final class SqlRow {

    private final Tuple tuple;

    private SqlRow(Tuple tuple) {
        this.tuple = tuple;
    }

    @SuppressWarnings("unchecked")
    public static List<SqlRow> list(Query tupleQuery) {
        return ((List<Tuple>) tupleQuery.getResultList()).stream().map(SqlRow::new).toList();
    }

    public static Optional<SqlRow> first(Query tupleQuery) {
        return list(tupleQuery.setMaxResults(1)).stream().findFirst();
    }

    public static SqlRow single(Query tupleQuery) {
        return new SqlRow((Tuple) tupleQuery.getSingleResult());
    }

    public boolean isNull(String column) {
        return tuple.get(column) == null;
    }

    public long getLong(String column) {
        return number(column).longValue();
    }

    public Long getLongOrNull(String column) {
        return tuple.get(column) instanceof Number n ? n.longValue() : null;
    }

    public int getInt(String column) {
        return number(column).intValue();
    }

    public Integer getIntOrNull(String column) {
        return tuple.get(column) instanceof Number n ? n.intValue() : null;
    }

    public double getDouble(String column) {
        return number(column).doubleValue();
    }

    public Double getDoubleOrNull(String column) {
        return tuple.get(column) instanceof Number n ? n.doubleValue() : null;
    }

    public boolean getBoolean(String column) {
        if (tuple.get(column) instanceof Boolean b) {
            return b;
        }
        throw new IllegalStateException("column " + column + " is not a boolean: " + tuple.get(column));
    }

    public String getString(String column) {
        Object value = tuple.get(column);
        return value == null ? null : value.toString();
    }

    public byte[] getBytes(String column) {
        return (byte[]) tuple.get(column);
    }

    public UUID getUuid(String column) {
        return (UUID) tuple.get(column);
    }

    public Instant getInstant(String column) {
        return instant(tuple.get(column));
    }

    public LocalDate getDate(String column) {
        return switch (tuple.get(column)) {
            case null -> null;
            case LocalDate d -> d;
            case java.sql.Date d -> d.toLocalDate();
            case Object other -> LocalDate.parse(other.toString().substring(0, 10));
        };
    }

    /** A timestamp as the JDBC driver and Hibernate hand it over (its type depends on the column and the query). */
    public static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case java.sql.Timestamp t -> t.toInstant();
            case OffsetDateTime o -> o.toInstant();
            default -> throw new IllegalStateException("not a time: " + value.getClass().getName());
        };
    }

    private Number number(String column) {
        if (tuple.get(column) instanceof Number n) {
            return n;
        }
        throw new IllegalStateException("column " + column + " is not a number: " + tuple.get(column));
    }
}
