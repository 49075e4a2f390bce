package org.mxagent.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code auth login | status | logout}: the daemon holds the session; the CLI only passes the password on. */
final class AuthCommands {
    static final String PASSWORD_VARIABLE = "MX_AGENT_PASSWORD";

    private AuthCommands() {}

    static int login(Invocation inv) throws CliException {
        String homeserver = required(inv, "--homeserver", "URL");
        String user = required(inv, "--user", "USER");
        char[] password = password(inv, homeserver, user);
        Map<String, Object> session;
        try (IpcClient client = inv.connect()) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("homeserver", homeserver);
            params.put("user", user);
            params.put("password", password);
            session = Json.object(client.call("auth.login", params));
        } finally {
            Arrays.fill(password, '\0');
        }
        if (inv.json()) {
            inv.printJson(session);
        } else {
            inv.out.println("logged in as " + describe(session));
        }
        return ExitCodes.OK;
    }

    static int status(Invocation inv) throws CliException {
        Map<String, Object> status;
        try (IpcClient client = inv.connect()) {
            status = Json.object(client.call("auth.status", null));
        }
        if (inv.json()) {
            inv.printJson(status);
        } else {
            inv.out.println("logged in as " + describe(status));
        }
        return ExitCodes.OK;
    }

    static int logout(Invocation inv) throws CliException {
        Map<String, Object> result;
        try (IpcClient client = inv.connect()) {
            result = Json.object(client.call("auth.logout", null));
        }
        if (inv.json()) {
            inv.printJson(result);
        } else {
            String user = Json.string(result, "user_id");
            inv.out.println("logged out" + (user == null ? "" : " (" + user + ")"));
        }
        return ExitCodes.OK;
    }

    /** MX_AGENT_PASSWORD, else a no-echo prompt on the terminal, else a usage error. */
    static char[] password(Invocation inv, String homeserver, String user) throws UsageException {
        String fromEnvironment = inv.env.get(PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        char[] typed = inv.terminal.readPassword("Password for " + user + " on " + homeserver + ": ");
        if (typed == null) {
            throw new UsageException("no password: set " + PASSWORD_VARIABLE + " (no terminal to prompt on)",
                    "auth login");
        }
        return typed;
    }

    private static String required(Invocation inv, String option, String placeholder) throws UsageException {
        String value = inv.line.value(option);
        if (value == null || value.isBlank()) {
            throw new UsageException("auth login needs " + option + " " + placeholder, "auth login");
        }
        return value;
    }

    private static String describe(Map<String, Object> session) {
        return Json.string(session, "user_id") + " on " + Json.string(session, "homeserver") + " (device "
                + Json.string(session, "device_id") + ")";
    }
}
