"""The names of the admin's groups, in the words the team uses (docs/roles.md). Code refers to
a group only through these constants, so a name lives in one place; the migrations that
created and renamed the groups keep the literal names of their time."""

EDITORS = "Editores"
MODERATORS = "Moderadores"
TRANSLATORS = "Traductores"
DIRECTORY_MAINTAINERS = "Mantenimiento del directorio"
COMPLAINT_HANDLERS = "Gestión de denuncias"
CAMPAIGN_STAFF = "Equipo de campañas"
ALL_GROUPS = (
    EDITORS,
    MODERATORS,
    TRANSLATORS,
    DIRECTORY_MAINTAINERS,
    COMPLAINT_HANDLERS,
    CAMPAIGN_STAFF,
)
