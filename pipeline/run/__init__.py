"""Running reports: plan jobs, execute notebooks with papermill, draw each file from the document
(`pipeline.render`), publish atomically."""
