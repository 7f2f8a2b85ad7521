package com.sessiondesk.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Runs a picocli command the same way everywhere: its output on the {@link Terminal}, options from
 * {@link Env} variables when the command line lacks them, bad arguments as one line plus the usage
 * on standard error with exit status 2, and a failure as one line with exit status 1.
 */
public final class Cli {

    public static final int USAGE_ERROR = 2;
    public static final int FAILURE = 1;
    static final String ENVIRONMENT_SECTION = "environment";

    private Cli() {
    }

    public static int execute(Object command, Terminal terminal, String... args) {
        CommandLine commandLine = commandLine(command, terminal);
        int exitCode = commandLine.execute(args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        return exitCode;
    }

    /** The command and its sub-commands, set up to run on this terminal. */
    public static CommandLine commandLine(Object command, Terminal terminal) {
        CommandLine commandLine = new CommandLine(command, new TerminalFactory(terminal));
        commandLine.setOut(new PrintWriter(terminal.out(), true));
        commandLine.setErr(new PrintWriter(terminal.err(), true));
        // Plain text: the same help on a terminal, in docs/ and in the man page.
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(Ansi.OFF));
        commandLine.setDefaultValueProvider(new EnvironmentDefaults(terminal.env()));
        commandLine.setParameterExceptionHandler((e, args) -> usageError(e, args, terminal.env()));
        commandLine.setExecutionExceptionHandler(Cli::failure);
        style(commandLine);
        return commandLine;
    }

    /** A value outside its range is a usage error, as a malformed one is. */
    public static int inRange(CommandSpec spec, String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ParameterException(spec.commandLine(),
                    option + " must be a whole number from " + min + " to " + max + ", not " + value);
        }
        return value;
    }

    /** The environment variable of an option, or null. */
    static String variable(ArgSpec arg) {
        return arg.userObject() instanceof Field field && field.isAnnotationPresent(Env.class)
                ? field.getAnnotation(Env.class).value() : null;
    }

    private static int usageError(ParameterException e, String[] args, Map<String, String> env) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String message = String.join(" ", e.getMessage().strip().split("\\s*\\R\\s*"));
        String variable = e.getArgSpec() == null ? null : variable(e.getArgSpec());
        if (variable != null && env.get(variable) != null && !onCommandLine(e.getArgSpec(), args)) {
            message += " (from the environment variable " + variable + ")";
        }
        err.println("error: " + message);
        command.usage(err);
        return USAGE_ERROR;
    }

    private static boolean onCommandLine(ArgSpec arg, String[] args) {
        return arg instanceof OptionSpec option && Arrays.stream(args).anyMatch(word -> Arrays.stream(option.names())
                .anyMatch(name -> word.equals(name) || word.startsWith(name + "=")));
    }

    private static int failure(Exception e, CommandLine command, ParseResult parsed) {
        command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage());
        return FAILURE;
    }

    /** Headings, and "Environment" after the options of every command that has {@link Env} options. */
    private static void style(CommandLine commandLine) {
        UsageMessageSpec usage = commandLine.getCommandSpec().usageMessage();
        usage.parameterListHeading("%nArguments:%n").optionListHeading("%nOptions:%n").commandListHeading("%nCommands:%n");
        List<String> lines = new ArrayList<>();
        for (OptionSpec option : commandLine.getCommandSpec().options()) {
            String variable = variable(option);
            if (variable != null) {
                lines.add(String.format("  %-34s %s", variable, option.longestName()));
            }
        }
        if (!lines.isEmpty()) {
            String section = "%nEnvironment (an option on the command line wins):%n" + String.join("%n", lines) + "%n";
            usage.sectionMap().put(ENVIRONMENT_SECTION, help -> String.format(section));
            List<String> keys = new ArrayList<>(usage.sectionKeys());
            keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST_HEADING), ENVIRONMENT_SECTION);
            usage.sectionKeys(keys); // this command only (CommandLine's setter would pass it down)
        }
        commandLine.getSubcommands().values().stream().distinct().forEach(Cli::style);
    }

    private record EnvironmentDefaults(Map<String, String> env) implements IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec arg) {
            String variable = variable(arg);
            String value = variable == null ? null : env.get(variable);
            return value == null || value.isBlank() ? null : value;
        }
    }

    /** Commands that read standard input or the environment take the {@link Terminal} in their constructor. */
    private record TerminalFactory(Terminal terminal) implements IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            Constructor<K> constructor;
            try {
                constructor = type.getDeclaredConstructor(Terminal.class);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
            constructor.setAccessible(true);
            return constructor.newInstance(terminal);
        }
    }
}
