package io.lambdaguardrails.testbed;

import io.lambdaguardrails.demo.SeededAccount;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a scanned account may put wherever it writes text: markup and script, spreadsheet formulas, quotes and
 * newlines, invisible and direction-changing characters, very long values — as descriptions, tags, environment
 * variable names, policy Sids and condition values — and resource policies no analyser expects (served through
 * {@link FaultProxy}, since AWS stores only valid ones). Every report must keep them as inert text.
 */
public final class HostileInputs {

    public static final String SCRIPT = "<script>alert(1)</script>";
    public static final String IMG = "\"><img src=x onerror=alert(1)>";
    public static final String HYPERLINK = "=HYPERLINK(\"http://attacker.example/\",\"open me\")";
    public static final String CMD = "+cmd|' /C calc'!A0";
    public static final String SUM = "@SUM(1+1)*cmd|' /C calc'!A0";
    public static final String MINUS = "-2+3+cmd|' /C calc'!A0";
    public static final String QUOTES = "it's \"quoted\", with, commas; and;semicolons";
    public static final String NEWLINES = "line one\nline two\r\nline three";
    public static final String ZERO_WIDTH = "zero\u200Bwidth\u200B";
    public static final String RIGHT_TO_LEFT = "invoice\u202Efdp.exe";
    public static final String LONG = ("<b>long</b> " + "x".repeat(40) + " ").repeat(100).substring(0, 5 * 1024);

    public static final List<String> TEXTS = List.of(SCRIPT, IMG, HYPERLINK, CMD, SUM, MINUS, QUOTES, NEWLINES,
            ZERO_WIDTH, RIGHT_TO_LEFT, LONG);

    /** A synthetic access key in the detector's format: the value must never appear in any output. */
    public static final String PLANTED_KEY = "AKIA" + "ZZHOSTILEKEY0001";

    /** Function names (AWS constrains them, so they stay plain). */
    public static final String TEXT_FUNCTION = "hostile-text";
    public static final String NOT_JSON_FUNCTION = "policy-not-json";
    public static final String ALIEN_PRINCIPAL_FUNCTION = "policy-alien-principal";

    /** A resource policy cut short: not JSON at all. */
    public static final String NOT_JSON_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"" + SCRIPT.replace("\"", "\\\"");
    /** Valid JSON with a principal type IAM does not have, beside a public grant. */
    public static final String ALIEN_PRINCIPAL_POLICY = """
            {"Version":"2012-10-17","Statement":[
             {"Sid":"alien","Effect":"Allow","Principal":{"Martian":"%s"},"Action":"lambda:InvokeFunction","Resource":"*"},
             {"Sid":"%s","Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunction","Resource":"*"}]}"""
            .formatted(IMG.replace("\"", "\\\""), CMD);

    private HostileInputs() {
    }

    /**
     * Seeds the three functions in {@code region}: the text one carries every hostile value as description, tags and
     * variable names (one variable holds {@link #PLANTED_KEY}), and two public grants whose Sids and condition value
     * are hostile. The other two get their policies from {@link #faults()}.
     */
    public static void seed(SeededAccount account, String region) {
        String role = account.role("hostile-role", Map.of(), List.of());
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("owner", HYPERLINK);
        for (int i = 0; i < TEXTS.size(); i++) {
            tags.put("k" + i + (i < 5 ? TEXTS.get(i).substring(0, Math.min(20, TEXTS.get(i).length())) : ""), TEXTS.get(i));
        }
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(IMG + "_KEY", PLANTED_KEY);
        variables.put(HYPERLINK, "plain");
        variables.put(SCRIPT, NEWLINES);
        account.function(region, TEXT_FUNCTION, role, "python3.12", f -> f
                .description(String.join(" | ", TEXTS))
                .tags(tags)
                .environment(e -> e.variables(variables)));
        account.permission(region, TEXT_FUNCTION, p -> p.statementId(SCRIPT).action("lambda:InvokeFunction").principal("*"));
        account.permission(region, TEXT_FUNCTION, p -> p.statementId(IMG).action("lambda:InvokeFunction").principal("*")
                .sourceAccount(HYPERLINK));
        for (String name : List.of(NOT_JSON_FUNCTION, ALIEN_PRINCIPAL_FUNCTION)) {
            account.function(region, name, role, "python3.12", f -> f.tags(Map.of("owner", SUM)));
        }
    }

    /** The policies AWS would never store, served in place of the emulator's answer. */
    public static List<Fault> faults() {
        return List.of(
                Fault.on("lambda", "GetPolicy").forResource("function:" + NOT_JSON_FUNCTION + "/").servePolicy(NOT_JSON_POLICY),
                Fault.on("lambda", "GetPolicy").forResource("function:" + ALIEN_PRINCIPAL_FUNCTION + "/").servePolicy(ALIEN_PRINCIPAL_POLICY));
    }
}
