CREATE TABLE IF NOT EXISTS meta.unknown_column (
    source VARCHAR NOT NULL,
    file VARCHAR NOT NULL,
    column_name VARCHAR NOT NULL,
    position INTEGER NOT NULL
);
