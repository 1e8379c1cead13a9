package app.immichexport.export.source;

/**
 * A source as a job records it: its key, the folder name it gives ({@code {source}} in the template)
 * and what defines it.
 */
public record NamedSource(String key, String name, Source source) {}
