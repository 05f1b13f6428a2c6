package io.inetkit.cli;

import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Seconds given on the command line, as durations. */
final class Durations {
    private Durations() {
    }

    /** Converts positive, finite seconds (fractions allowed) or reports a usage error. */
    static Duration ofSeconds(CommandSpec spec, String option, double seconds) {
        if (!(seconds > 0) || seconds > 86_400 * 365) {
            throw new ParameterException(spec.commandLine(),
                    "invalid value for " + option + ": " + seconds + " (seconds, greater than 0)");
        }
        return Duration.ofNanos((long) (seconds * 1e9));
    }
}
