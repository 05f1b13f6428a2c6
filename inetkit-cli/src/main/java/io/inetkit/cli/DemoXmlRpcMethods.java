package io.inetkit.cli;

import io.inetkit.xmlrpc.XmlRpcDispatcher;
import io.inetkit.xmlrpc.XmlRpcFault;
import io.inetkit.xmlrpc.XmlRpcValue;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** The demonstration methods of {@code inet serve xmlrpc}, as in Python's xmlrpc.server examples. */
final class DemoXmlRpcMethods {
    private DemoXmlRpcMethods() {
    }

    static XmlRpcDispatcher.Builder register(XmlRpcDispatcher.Builder b) {
        List<List<String>> twoNumbers = List.of(List.of("double", "double", "double"), List.of("int", "int", "int"));
        return b.introspection(true).multicall(true)
                .register("add", "Adds two numbers.", twoNumbers, p -> arithmetic(p, '+'))
                .register("subtract", "Subtracts the second number from the first.", twoNumbers, p -> arithmetic(p, '-'))
                .register("multiply", "Multiplies two numbers.", twoNumbers, p -> arithmetic(p, '*'))
                .register("divide", "Divides the first number by the second.", twoNumbers, p -> arithmetic(p, '/'))
                .register("echo", "Returns its argument unchanged.", List.of(List.of("any", "any")), p -> {
                    expect(p, 1);
                    return p.get(0);
                })
                .register("upper", "Upper-cases a string.", List.of(List.of("string", "string")), p -> {
                    expect(p, 1);
                    if (!(p.get(0) instanceof XmlRpcValue.StringValue s)) {
                        throw new XmlRpcFault(-32602, "upper takes a string");
                    }
                    return new XmlRpcValue.StringValue(s.value().toUpperCase(Locale.ROOT));
                })
                .register("now", "The server's local time.", List.of(List.of("dateTime.iso8601")),
                        p -> XmlRpcValue.of(LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS)));
    }

    private static XmlRpcValue arithmetic(List<XmlRpcValue> p, char op) throws XmlRpcFault {
        expect(p, 2);
        boolean ints = p.get(0) instanceof XmlRpcValue.IntValue && p.get(1) instanceof XmlRpcValue.IntValue;
        double a = number(p.get(0));
        double b = number(p.get(1));
        if (op == '/' && b == 0) {
            throw new XmlRpcFault(-32602, "division by zero");
        }
        double r = switch (op) {
            case '+' -> a + b;
            case '-' -> a - b;
            case '*' -> a * b;
            default -> a / b;
        };
        if (ints && op != '/' && r >= Integer.MIN_VALUE && r <= Integer.MAX_VALUE) {
            return new XmlRpcValue.IntValue((int) r);
        }
        return new XmlRpcValue.DoubleValue(r);
    }

    private static double number(XmlRpcValue v) throws XmlRpcFault {
        return switch (v) {
            case XmlRpcValue.IntValue i -> i.value();
            case XmlRpcValue.DoubleValue d -> d.value();
            default -> throw new XmlRpcFault(-32602, "expected a number, got " + v);
        };
    }

    private static void expect(List<XmlRpcValue> p, int n) throws XmlRpcFault {
        if (p.size() != n) {
            throw new XmlRpcFault(-32602, "expected " + n + " parameter(s), got " + p.size());
        }
    }
}
