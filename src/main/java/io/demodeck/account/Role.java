package io.demodeck.account;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What an account may do. Instructors also study; admins can do everything. */
public enum Role {
    LEARNER, INSTRUCTOR, ADMIN;

    public static final String LEARNER_NAME = "learner";
    public static final String INSTRUCTOR_NAME = "instructor";
    public static final String ADMIN_NAME = "admin";

    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The roles column of an account holding {@code role}: every role implies the ones below it. */
    public static String column(Role role) {
        return Arrays.stream(values()).filter(r -> r.ordinal() <= role.ordinal())
                .map(Role::roleName).collect(Collectors.joining(","));
    }

    /** The highest role in a roles column (learner when none). */
    public static Role highest(String column) {
        return parse(column).stream().max(Enum::compareTo).orElse(LEARNER);
    }

    /** The role named {@code name} (learner, instructor, admin), or null. */
    public static Role named(String name) {
        return Arrays.stream(values()).filter(r -> r.roleName().equals(name)).findFirst().orElse(null);
    }

    public static Set<Role> parse(String column) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (column != null) {
            for (String part : column.split(",")) {
                Arrays.stream(values()).filter(r -> r.roleName().equals(part.strip())).forEach(roles::add);
            }
        }
        return roles;
    }
}
