package io.inetkit.xmlrpc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/** Turns calls on a typed proxy into XML-RPC calls (see {@link XmlRpcClient#proxy}). */
final class ProxyHandler implements InvocationHandler {

    private final XmlRpcClient client;
    private final Class<?> api;
    private final String prefix;

    ProxyHandler(XmlRpcClient client, Class<?> api, String prefix) {
        this.client = client;
        this.api = api;
        this.prefix = prefix;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "XML-RPC proxy of " + api.getName()
                        + (prefix.isEmpty() ? "" : " for " + prefix + ".*");
            };
        }
        if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        String name = prefix.isEmpty() ? method.getName() : prefix + "." + method.getName();
        List<XmlRpcValue> params = new ArrayList<>();
        if (args != null) {
            for (Object a : args) {
                params.add(XmlRpcValue.of(a));
            }
        }
        try {
            XmlRpcValue result = client.call(name, params);
            if (method.getReturnType() == void.class) {
                return null;
            }
            try {
                return JavaTypes.convert(result, method.getGenericReturnType());
            } catch (JavaTypes.MismatchException e) {
                throw new XmlRpcProtocolException(XmlRpcProtocolException.Kind.INVALID,
                        "result of " + name + " does not fit the declared return type "
                                + method.getGenericReturnType().getTypeName() + ": "
                                + e.getMessage());
            }
        } catch (IOException e) {
            for (Class<?> declared : method.getExceptionTypes()) {
                if (declared.isInstance(e)) {
                    throw e;
                }
            }
            throw new UncheckedIOException(e);
        }
    }
}
