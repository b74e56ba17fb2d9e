"""Reading an uploaded file: one size limit and one wording for every upload form and API route."""

from __future__ import annotations

from fastapi import UploadFile

from onward.errors import BadInput, TooLarge

MAX_UPLOAD_BYTES = 50 * 1024 * 1024


async def read_upload(upload: UploadFile, limit: int = MAX_UPLOAD_BYTES) -> tuple[bytes, str]:
    """Return the upload's bytes and name; a file over `limit` is refused (413) without reading it all."""
    name = upload.filename or "upload"
    data = await upload.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"{name}: larger than {limit // (1024 * 1024)} MB")
    if not data:
        raise BadInput(f"{name}: the file is empty")
    return data, name
