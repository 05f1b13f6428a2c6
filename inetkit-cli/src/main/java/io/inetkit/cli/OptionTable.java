package io.inetkit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Declares picocli options in code, bound to plain fields by setters, for the commands whose
 * start-up matters ({@code inet} itself and {@code inet get}). WHY not annotations there:
 * reading an annotation makes the JDK generate a proxy class per annotation type at run time
 * (about 60 ms for {@code inet get}, interpreted), and the JDK's AOT cache cannot hold those
 * classes; help, parsing and errors are the same either way.
 */
final class OptionTable {
    private final CommandSpec spec;

    OptionTable(CommandSpec spec) {
        this.spec = spec;
    }

    /**
     * Adds -h/--help and -V/--version as picocli's {@code mixinStandardHelpOptions} declares them.
     * That mixin is an annotated class: reading it spun four proxy classes at run time.
     *
     * @param spec the command to add them to
     */
    static void standardHelp(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).type(boolean.class).arity("0")
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).type(boolean.class).arity("0")
                .description("Print version information and exit.").build());
    }

    /** A flag: present means true. */
    OptionTable flag(String[] names, String description, Consumer<Boolean> set) {
        Consumer<Boolean> onlyTrue = v -> set.accept(Boolean.TRUE.equals(v)); // picocli resets with null
        spec.addOption(OptionSpec.builder(names).type(boolean.class).arity("0").description(description)
                .setter(setter(onlyTrue)).build());
        return this;
    }

    /**
     * A flag that may be given several times (curl's -O): {@code count} hears, at each
     * occurrence, how many times it was given so far.
     */
    OptionTable repeatedFlag(String[] names, String description, java.util.function.IntConsumer count) {
        boolean[][] seen = {new boolean[0]};
        Consumer<boolean[]> set = v -> {
            seen[0] = v == null ? new boolean[0] : v; // picocli resets with null
            count.accept(seen[0].length);
        };
        spec.addOption(OptionSpec.builder(names).type(boolean[].class).arity("0").description(description)
                .getter(getter(() -> seen[0])).setter(setter(set)).build());
        return this;
    }

    /** An option with one value of {@code type}; {@code defaultValue} may be null. */
    <T> OptionTable value(String[] names, String label, Class<T> type, String defaultValue, String description,
            Consumer<T> set) {
        Consumer<T> present = v -> { // picocli resets an option without a default with null: the field's own default stays
            if (v != null) {
                set.accept(v);
            }
        };
        spec.addOption(OptionSpec.builder(names).type(type).paramLabel(label).defaultValue(defaultValue)
                .description(description).setter(setter(present)).build());
        return this;
    }

    /** A repeatable option collecting strings into the list the getter gives (and the setter replaces). */
    OptionTable list(String[] names, String label, String description, Supplier<List<String>> get,
            Consumer<List<String>> set) {
        Consumer<List<String>> never = v -> set.accept(v != null ? v : new ArrayList<>()); // picocli resets with null
        spec.addOption(OptionSpec.builder(names).type(List.class).auxiliaryTypes(String.class).paramLabel(label)
                .description(description).getter(getter(get)).setter(setter(never)).build());
        return this;
    }

    static String[] names(String... names) {
        return names;
    }

    @SuppressWarnings("unchecked")
    static <V> ISetter setter(Consumer<V> set) {
        return new ISetter() {
            @Override
            public <T> T set(T value) {
                set.accept((V) value);
                return null;
            }
        };
    }

    @SuppressWarnings("unchecked")
    static IGetter getter(Supplier<?> get) {
        return new IGetter() {
            @Override
            public <T> T get() {
                return (T) get.get();
            }
        };
    }
}
