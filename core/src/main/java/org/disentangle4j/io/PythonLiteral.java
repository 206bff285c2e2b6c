package org.disentangle4j.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the subset of Python literal syntax that {@code .npy} headers use: dicts, tuples, lists,
 * quoted strings, integers (with Python 2's {@code L} suffix) and booleans. Tuples and lists
 * become {@code List}, integers {@code Long}.
 */
final class PythonLiteral {
    private final String s;
    private int pos;

    PythonLiteral(String s) {
        this.s = s;
    }

    /** Parses the whole text as one literal; IllegalArgumentException says where it went wrong. */
    Object parseWhole() {
        Object v = value();
        skipSpace();
        if (pos != s.length()) throw error("unexpected text after the dictionary");
        return v;
    }

    private Object value() {
        skipSpace();
        if (pos >= s.length()) throw error("unexpected end");
        char c = s.charAt(pos);
        if (c == '{') return dict();
        if (c == '(') return sequence('(', ')');
        if (c == '[') return sequence('[', ']');
        if (c == '\'' || c == '"') return string();
        if (c == '-' || Character.isDigit(c)) return integer();
        if (s.startsWith("True", pos)) {
            pos += 4;
            return Boolean.TRUE;
        }
        if (s.startsWith("False", pos)) {
            pos += 5;
            return Boolean.FALSE;
        }
        throw error("unexpected '" + c + "'");
    }

    private Map<String, Object> dict() {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        while (true) {
            skipSpace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            if (!(value() instanceof String key)) throw error("dictionary keys must be strings");
            skipSpace();
            expect(':');
            map.put(key, value());
            skipSpace();
            if (peek() == ',') pos++;
            else if (peek() != '}') throw error("expected ',' or '}'");
        }
    }

    private List<Object> sequence(char open, char close) {
        List<Object> items = new ArrayList<>();
        pos++;
        while (true) {
            skipSpace();
            if (peek() == close) {
                pos++;
                return items;
            }
            items.add(value());
            skipSpace();
            if (peek() == ',') pos++;
            else if (peek() != close) throw error("expected ',' or '" + close + "'");
        }
    }

    private String string() {
        char quote = s.charAt(pos++);
        int end = s.indexOf(quote, pos);
        if (end < 0) throw error("unterminated string");
        String v = s.substring(pos, end);
        pos = end + 1;
        return v;
    }

    private Long integer() {
        int start = pos;
        if (peek() == '-') pos++;
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
        String digits = s.substring(start, pos);
        if (pos < s.length() && (s.charAt(pos) == 'L' || s.charAt(pos) == 'l')) pos++; // Python 2 long suffix
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw error("bad integer '" + digits + "'");
        }
    }

    private void expect(char c) {
        if (peek() != c) throw error("expected '" + c + "'");
        pos++;
    }

    private char peek() {
        if (pos >= s.length()) throw error("unexpected end");
        return s.charAt(pos);
    }

    private void skipSpace() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at character " + pos);
    }
}
