"""Peru's 25 departments with their INEI UBIGEO two-digit codes.

The list is fixed by law, so it lives in code and a data migration copies it into the
`Region` table; forms and the API validate region codes against that table.
"""

DEPARTMENTS = (
    ("01", "Amazonas"),
    ("02", "Áncash"),
    ("03", "Apurímac"),
    ("04", "Arequipa"),
    ("05", "Ayacucho"),
    ("06", "Cajamarca"),
    ("07", "Callao"),
    ("08", "Cusco"),
    ("09", "Huancavelica"),
    ("10", "Huánuco"),
    ("11", "Ica"),
    ("12", "Junín"),
    ("13", "La Libertad"),
    ("14", "Lambayeque"),
    ("15", "Lima"),
    ("16", "Loreto"),
    ("17", "Madre de Dios"),
    ("18", "Moquegua"),
    ("19", "Pasco"),
    ("20", "Piura"),
    ("21", "Puno"),
    ("22", "San Martín"),
    ("23", "Tacna"),
    ("24", "Tumbes"),
    ("25", "Ucayali"),
)
