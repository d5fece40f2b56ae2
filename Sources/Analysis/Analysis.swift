/// The analysis module; see Dataset.
enum AnalysisModule {}
