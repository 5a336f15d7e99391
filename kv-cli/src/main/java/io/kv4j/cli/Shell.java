package io.kv4j.cli;

import io.kv4j.Kv;
import io.kv4j.KvPage;
import io.kv4j.KvReader;
import io.kv4j.KvStore;
import io.kv4j.KvTransaction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Function;

/**
 * The {@code kv shell} interpreter: one command per line against one store. Outside
 * {@code begin}/{@code commit} each command is a request of its own; inside, commands join the
 * open transaction. A failing line is reported and the shell goes on.
 */
final class Shell {

    /** How lines arrive, which decides prompts and the exit code. */
    enum Mode {
        /** A person types: prompts, and errors do not change the exit code. */
        INTERACTIVE,
        /** A script: no prompts; the exit code is 1 when a line failed. */
        SCRIPT,
        /** A script shown as a transcript: each line printed, after a prompt, before its output. */
        ECHO
    }

    /** The commands, one per line, as {@code help} prints them; {@code %n} separates lines. */
    static final String HELP =
            "Commands (write a KEY with spaces as a JSON string: get \"my key\"):%n"
            + "  use FUNCTION     choose the function whose keys the commands read and write%n"
            + "  get KEY          print the value as JSON; null when the key is missing%n"
            + "  set KEY JSON     set a value written as JSON: set foo {\"bar\":\"baz\"}%n"
            + "                   (a string value is quoted: set name \"Ada\")%n"
            + "  delete KEY       delete a key; a missing key is no error%n"
            + "  has KEY          print true when the key exists, even holding null%n"
            + "  list [PREFIX] [--limit N] [--after CURSOR]%n"
            + "                   list entries in key order, one KEY JSON per line;%n"
            + "                   a full page ends with '# more: --after CURSOR'%n"
            + "  begin            open a transaction: the next commands join it%n"
            + "  commit           commit the transaction's writes atomically%n"
            + "  rollback         discard the transaction's writes%n"
            + "  help             show this help%n"
            + "  quit, exit       leave; an open transaction is rolled back%n"
            + "Outside a transaction each command is a request of its own.%n"
            + "Lines starting with # are comments.";

    private final KvStore store;
    private final PrintWriter out;
    private final PrintWriter err;
    private String function;
    private KvTransaction transaction;
    private boolean quit;

    Shell(KvStore store, PrintWriter out, PrintWriter err) {
        this.store = store;
        this.out = out;
        this.err = err;
    }

    /**
     * Reads and runs lines until the end of input or {@code quit}.
     *
     * @return 1 when a line of a script failed, else 0
     * @throws IOException when the input cannot be read
     */
    int run(BufferedReader in, Mode mode) throws IOException {
        if (mode == Mode.INTERACTIVE) {
            out.println("kv shell on " + store.url() + "; type help for the commands");
        }
        boolean failed = false;
        int number = 0;
        while (!quit) {
            if (mode == Mode.INTERACTIVE) {
                out.print(prompt());
                out.flush();
            }
            String line = in.readLine();
            if (line == null) {
                if (mode == Mode.INTERACTIVE) {
                    out.println();
                }
                break;
            }
            number++;
            String text = line.strip();
            boolean command = !text.isEmpty() && !text.startsWith("#");
            if (mode == Mode.ECHO) {
                out.println(command ? prompt() + text : line);
            }
            if (command) {
                try {
                    execute(text);
                } catch (RuntimeException e) {
                    failed = true;
                    out.flush();
                    Errors.report(e, mode == Mode.INTERACTIVE ? "" : "line " + number + ": ", err);
                }
            }
            out.flush();
        }
        rollBackOpenTransaction();
        return failed && mode != Mode.INTERACTIVE ? 1 : 0;
    }

    /**
     * Chooses the function the next commands work on.
     *
     * @throws IllegalArgumentException for an invalid function name
     * @throws IllegalStateException while a transaction is open
     */
    void use(String name) {
        if (transaction != null) {
            throw new IllegalStateException("a transaction of function '" + transaction.function()
                    + "' is open; commit or rollback before use");
        }
        store.reader(name);
        function = name;
    }

    String prompt() {
        return "kv" + (function == null ? "" : " " + function)
                + (transaction == null ? "" : " (tx)") + "> ";
    }

    private void execute(String text) {
        LineScanner line = new LineScanner(text);
        String command = line.word().toLowerCase(Locale.ROOT);
        switch (command) {
            case "use" -> {
                String name = line.usage("use FUNCTION").key("function");
                line.end();
                use(name);
            }
            case "get" -> {
                String key = oneKey(line.usage("get KEY"));
                out.println(JsonText.print(request(kv -> kv.get(key))));
            }
            case "set" -> set(line.usage("set KEY JSON"));
            case "delete" -> {
                String key = oneKey(line.usage("delete KEY"));
                request(kv -> {
                    kv.delete(key);
                    return null;
                });
            }
            case "has" -> {
                String key = oneKey(line.usage("has KEY"));
                boolean has = request(kv -> kv.has(key));
                out.println(has);
            }
            case "list" -> list(line.usage("list [PREFIX] [--limit N] [--after CURSOR]"));
            case "begin" -> begin(line.usage("begin"));
            case "commit" -> finish(line.usage("commit"), true);
            case "rollback" -> finish(line.usage("rollback"), false);
            case "help" -> {
                line.usage("help").end();
                out.println(HELP.replace("%n", System.lineSeparator()));
            }
            case "quit", "exit" -> {
                line.usage(command).end();
                quit = true;
            }
            default -> throw new IllegalArgumentException(
                    "unknown command '" + command + "'; type help for the commands");
        }
    }

    private static String oneKey(LineScanner line) {
        String key = line.key("key");
        line.end();
        return key;
    }

    private void set(LineScanner line) {
        String key = line.key("key");
        String json = line.rest();
        if (json.isEmpty()) {
            throw new IllegalArgumentException("the JSON value is missing; usage: set KEY JSON,"
                    + " as in: set foo {\"bar\":\"baz\"}");
        }
        Object value = JsonText.parse(json);
        request(kv -> {
            kv.set(key, value);
            return null;
        });
    }

    private void list(LineScanner line) {
        String prefix = null;
        String after = null;
        int limit = KvReader.DEFAULT_PAGE_SIZE;
        while (!line.atEnd()) {
            if (line.accept("--limit")) {
                limit = limit(line.key("number after --limit"));
            } else if (line.accept("--after")) {
                after = line.key("cursor after --after");
            } else if (prefix == null) {
                prefix = line.key("prefix");
            } else {
                line.end();
            }
        }
        String p = prefix == null ? "" : prefix;
        String cursor = after;
        int n = limit;
        KvPage page = request(kv -> kv.list(p, cursor, n));
        JsonText.printPage(page, out);
    }

    private static int limit(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--limit must be a whole number from 1 to "
                    + KvReader.MAX_PAGE_SIZE + " but was: " + text);
        }
    }

    private void begin(LineScanner line) {
        line.end();
        if (transaction != null) {
            throw new IllegalStateException("a transaction of function '" + transaction.function()
                    + "' is already open; commit or rollback first");
        }
        transaction = store.begin(requireFunction());
    }

    private void finish(LineScanner line, boolean commit) {
        line.end();
        if (transaction == null) {
            throw new IllegalStateException("no transaction is open; begin one first");
        }
        KvTransaction finishing = transaction;
        // whatever happens, the transaction is over: a failed commit wrote nothing
        transaction = null;
        if (commit) {
            finishing.commit();
        } else {
            finishing.rollback();
        }
    }

    /** Runs a command in the open transaction, or else as a request of its own. */
    private <T> T request(Function<Kv, T> body) {
        if (transaction != null) {
            return body.apply(transaction);
        }
        return store.run(requireFunction(), body::apply);
    }

    private String requireFunction() {
        if (function == null) {
            throw new IllegalStateException("no function chosen; type use FUNCTION first,"
                    + " or start the shell with --function");
        }
        return function;
    }

    private void rollBackOpenTransaction() {
        if (transaction != null) {
            String name = transaction.function();
            transaction.close();
            transaction = null;
            err.println("warning: the transaction of function '" + name
                    + "' was still open at the end and was rolled back");
            err.flush();
        }
    }
}
