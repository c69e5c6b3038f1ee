package dev.atlmcp.compass.tools;

/**
 * The descriptions of arguments several Compass tools share, written once (see ArgumentDescriptions for all servers').
 */
final class CompassArgumentDescriptions {

    /** A component, by id, slug or name. */
    static final String COMPONENT = "Component id (ari:cloud:compass:...), slug or exact name";

    private CompassArgumentDescriptions() {
    }
}
