"""Review cycles (kỳ kiểm điểm) and the review of each subject in a cycle."""
