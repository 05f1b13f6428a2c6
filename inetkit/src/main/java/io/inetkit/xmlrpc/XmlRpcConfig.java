package io.inetkit.xmlrpc;

/**
 * Limits and options for reading and writing XML-RPC documents, shared by client and
 * server. Every limit bounds something the peer controls.
 *
 * @param extensions whether the {@code nil} and {@code i8} extensions are read and written
 *     (bare {@code <nil/>}, {@code <i8>} and Apache's {@code ex:nil}, {@code ex:i8});
 *     off by default, as in the spec
 * @param maxDocumentBytes the largest document read, in bytes
 * @param maxDepth the deepest nesting of arrays and structs read
 * @param maxValues the most values (at any depth, parameters included) in one document
 * @param maxStringChars the longest string, member name or method name read, in chars
 * @param maxBase64Bytes the largest base64 value read, in decoded bytes
 * @param extensionNames how nil and i8 are written when extensions are on; both forms are
 *     always read
 */
public record XmlRpcConfig(boolean extensions, long maxDocumentBytes, int maxDepth,
        int maxValues, int maxStringChars, int maxBase64Bytes, ExtensionNames extensionNames) {

    /** The defaults: no extensions, 16 MiB, depth 64, 1,000,000 values, 8 Mi chars, 8 MiB. */
    public static final XmlRpcConfig DEFAULT = builder().build();

    /** How the nil and i8 extensions are written. */
    public enum ExtensionNames {
        /** {@code <nil/>} and {@code <i8>}: Python, xmlrpc-c and most others. */
        BARE,
        /**
         * {@code <ex:nil/>} and {@code <ex:i8>} in Apache XML-RPC's extensions namespace,
         * which Apache XML-RPC (with extensions enabled) requires and Python also reads.
         */
        APACHE
    }

    /** The namespace of Apache XML-RPC's extensions. */
    public static final String APACHE_EXTENSIONS_NAMESPACE =
            "http://ws.apache.org/xmlrpc/namespaces/extensions";

    /** Validates the limits. */
    public XmlRpcConfig {
        java.util.Objects.requireNonNull(extensionNames, "extensionNames");
        positive(maxDocumentBytes, "maxDocumentBytes");
        positive(maxDepth, "maxDepth");
        positive(maxValues, "maxValues");
        positive(maxStringChars, "maxStringChars");
        positive(maxBase64Bytes, "maxBase64Bytes");
    }

    private static void positive(long v, String name) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + v);
        }
    }

    /**
     * Returns this configuration with extensions switched on or off.
     *
     * @param enabled whether nil and i8 are allowed
     * @return a new configuration
     */
    public XmlRpcConfig withExtensions(boolean enabled) {
        return new XmlRpcConfig(enabled, maxDocumentBytes, maxDepth, maxValues,
                maxStringChars, maxBase64Bytes, extensionNames);
    }

    /**
     * Starts a builder with the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link XmlRpcConfig}; each setter validates when {@link #build()} runs. */
    public static final class Builder {
        private boolean extensions;
        private long maxDocumentBytes = 16L * 1024 * 1024;
        private int maxDepth = 64;
        private int maxValues = 1_000_000;
        private int maxStringChars = 8 * 1024 * 1024;
        private int maxBase64Bytes = 8 * 1024 * 1024;
        private ExtensionNames extensionNames = ExtensionNames.BARE;

        private Builder() {
        }

        /**
         * Allows the nil and i8 extensions.
         *
         * @param enabled whether they are allowed
         * @return this builder
         */
        public Builder extensions(boolean enabled) {
            this.extensions = enabled;
            return this;
        }

        /**
         * Sets the largest document read.
         *
         * @param bytes the limit in bytes
         * @return this builder
         */
        public Builder maxDocumentBytes(long bytes) {
            this.maxDocumentBytes = bytes;
            return this;
        }

        /**
         * Sets the deepest nesting of arrays and structs.
         *
         * @param depth the limit
         * @return this builder
         */
        public Builder maxDepth(int depth) {
            this.maxDepth = depth;
            return this;
        }

        /**
         * Sets the most values in one document.
         *
         * @param count the limit
         * @return this builder
         */
        public Builder maxValues(int count) {
            this.maxValues = count;
            return this;
        }

        /**
         * Sets the longest string read.
         *
         * @param chars the limit in chars
         * @return this builder
         */
        public Builder maxStringChars(int chars) {
            this.maxStringChars = chars;
            return this;
        }

        /**
         * Sets the largest base64 value read.
         *
         * @param bytes the limit in decoded bytes
         * @return this builder
         */
        public Builder maxBase64Bytes(int bytes) {
            this.maxBase64Bytes = bytes;
            return this;
        }

        /**
         * Sets how nil and i8 are written when extensions are on.
         *
         * @param names the form to write
         * @return this builder
         */
        public Builder extensionNames(ExtensionNames names) {
            this.extensionNames = names;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException if a limit is not positive
         * @throws NullPointerException if the extension names are null
         */
        public XmlRpcConfig build() {
            return new XmlRpcConfig(extensions, maxDocumentBytes, maxDepth, maxValues,
                    maxStringChars, maxBase64Bytes, extensionNames);
        }
    }
}
