"""Running reports: plan jobs, execute notebooks with papermill, render HTML and PDF, publish atomically."""
