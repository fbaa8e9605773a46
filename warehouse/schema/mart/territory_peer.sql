-- Created here with the contribution columns of the features of warehouse/peers.yaml; the peers step recreates it
-- from that file every run (contribution_<feature> for each feature), then appends every level's neighbours.
CREATE TABLE IF NOT EXISTS mart.territory_peer (
    level VARCHAR NOT NULL,
    territory_code VARCHAR NOT NULL,
    peer_code VARCHAR NOT NULL,
    peer_order INTEGER NOT NULL,
    distance DOUBLE NOT NULL,
    contribution_population DOUBLE,
    contribution_density DOUBLE,
    contribution_sectors DOUBLE,
    contribution_creation_rate DOUBLE,
    contribution_employer_share DOUBLE
);
