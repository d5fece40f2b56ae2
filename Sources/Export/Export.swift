/// Codebooks and coded datasets; see ExportCommand.
enum ExportModule {}
