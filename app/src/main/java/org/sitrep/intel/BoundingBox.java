package org.sitrep.intel;

/** A longitude/latitude box in WGS 84 degrees, as maps and the API's {@code bbox=west,south,east,north} give it. */
public record BoundingBox(double west, double south, double east, double north) {
    public BoundingBox {
        if (!(west >= -180 && east <= 180 && south >= -90 && north <= 90 && west <= east && south <= north)) {
            throw new InvalidEventFilter(
                    "bbox must be west,south,east,north within -180..180 and -90..90, west ≤ east, south ≤ north");
        }
    }

    /** Parses "west,south,east,north"; null or blank means no box. */
    public static BoundingBox parse(String text) {
        if (text == null || text.isBlank()) return null;
        String[] parts = text.split(",");
        if (parts.length != 4) throw new InvalidEventFilter("bbox must have four numbers: west,south,east,north");
        try {
            return new BoundingBox(
                    Double.parseDouble(parts[0].trim()),
                    Double.parseDouble(parts[1].trim()),
                    Double.parseDouble(parts[2].trim()),
                    Double.parseDouble(parts[3].trim()));
        } catch (NumberFormatException e) {
            throw new InvalidEventFilter("bbox must have four numbers: west,south,east,north");
        }
    }
}
