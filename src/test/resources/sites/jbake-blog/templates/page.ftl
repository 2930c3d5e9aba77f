<html><body><h1>${content.title}</h1><p id="minutes">${content.reading_minutes} min</p>${content.body}</body></html>
