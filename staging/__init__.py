"""Python loaders that read documents, extract facts and write raw.* tables."""
