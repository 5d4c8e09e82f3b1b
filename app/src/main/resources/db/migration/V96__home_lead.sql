-- The home page's lead story, chosen by an editor (one row, id 1). While the chosen piece is not
-- live, or none is chosen, the home page leads with the newest piece.
CREATE TABLE home_lead (
    id          INT PRIMARY KEY,
    piece_id    BIGINT REFERENCES pieces (id) ON DELETE SET NULL,
    chosen_by   VARCHAR(320),
    chosen_at   TIMESTAMP WITH TIME ZONE
);
