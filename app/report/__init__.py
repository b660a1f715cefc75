"""The referral letter as a ReportLab PDF, built from the exam and its interpretation."""
