// wagtail-localize's own JavaScript strings that read wrong to this team in Spanish: its
// catalogue drops the space after "Publicar en", so the button reads "Publicar enEnglish".
// Listing them here puts them in the project's djangojs catalogue (`make messages`), which
// its translation editor's catalogue view merges over the package's (LOCALE_PATHS). Nothing
// loads this file; it exists for the extraction, like admin_vocabulary.py.
gettext("Publish in ");
// Wagtail's Spanish calls the settings "Propiedades" in its scripts too.
gettext("Settings");
