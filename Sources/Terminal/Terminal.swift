/// The interviewer module; see InterviewSession.
enum TerminalModule {}
