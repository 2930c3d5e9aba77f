<html><body><h1>${content.title}</h1>${content.body}</body></html>
