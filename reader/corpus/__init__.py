"""Many articles at once: sketches and candidates, story groups, likely sources."""
