"""The offline copy: the service worker's manifest, the installed app, its icons, and the static export."""
