"""Organisation datasets: folders of YAML and CSV files a clerk can edit (see ``examples/district2021``)."""

from kiemdiem.org.dataset.loading import DatasetSummary, load_dataset
from kiemdiem.org.dataset.reading import DatasetError, Problem

__all__ = ["DatasetError", "DatasetSummary", "Problem", "load_dataset"]
