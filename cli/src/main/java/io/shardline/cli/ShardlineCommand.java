package io.shardline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code shardline}: the command line's root; its subcommands do the work. */
@Command(name = "shardline", mixinStandardHelpOptions = true, version = "shardline 0.1.0-SNAPSHOT",
        description = "Shardline tools.", subcommands = {ReconcileCommand.class})
public final class ShardlineCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line (for tests: no exit). */
    public static CommandLine commandLine() {
        return new CommandLine(new ShardlineCommand());
    }
}
