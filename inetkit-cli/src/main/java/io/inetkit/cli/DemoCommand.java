package io.inetkit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code inet demo}: the README's main job. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run the tutorial's programs against each other on loopback.")
final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
