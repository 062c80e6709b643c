package io.wirestream.newsformats.ninjs;

/**
 * Which ninjs document {@link NinjsWriter} renders.
 *
 * <p>The official ninjs 2.x schemas close the root object ({@code additionalProperties: false} in 2.0,
 * {@code unevaluatedProperties: false} in 2.1 and 2.2), so any property the standard does not define makes a
 * document invalid. Documents that leave the pipeline for third parties (static files, the read API by default)
 * therefore use {@link #OFFICIAL}; tools that need to see pipeline state ({@code wire inspect}, operators) use
 * {@link #WITH_PIPELINE_EXTENSION}, which adds exactly one namespaced property, {@value NinjsWriter#EXTENSION_PROPERTY},
 * and validates against an extension schema that references the official {@code ninjsType} (the extension
 * mechanism IPTC documents for ninjs 2.1+).
 */
public enum NinjsProfile {
    /** Standard ninjs 2.x properties only: validates against the official schema as published. */
    OFFICIAL,
    /** Standard properties plus the pipeline-only fields under the {@value NinjsWriter#EXTENSION_PROPERTY} property. */
    WITH_PIPELINE_EXTENSION
}
