-- Issue 10: the trace fingerprint gained skeleton anchors (runs of three figures and names), so the
-- anchors stored by earlier versions are incomplete. Empty the index: `redline trace --reindex`
-- rebuilds it (trace warns how many stored versions are not indexed until then). Stored articles
-- and versions are untouched.
DELETE FROM trace_band;
DELETE FROM trace_anchor_df;
DELETE FROM trace_anchor;
DELETE FROM trace_version;
