"""Official documents of the review: DOCX (docxtpl), XLSX (openpyxl), PDF (LibreOffice)."""
