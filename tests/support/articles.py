"""Two made-up versions of one invented story, written for these tests."""

ORIGINAL = """Harbour town votes to rebuild its old lighthouse

By Mara Quint

PORT ELLISON (Wirepost) - The council of Port Ellison voted on Tuesday to spend 2.4 million on rebuilding the lighthouse that fell in the winter storm.

"We will not leave the coast dark," said the mayor, Ines Varga.

Work is expected to begin in March and to take about eighteen months.

The old tower had stood on the headland since 1887 and was a listed monument.

Fishermen had asked for a temporary beacon while the new tower is built.
"""

REWRITE = """Port Ellison council backs lighthouse rebuild

The council of Port Ellison agreed on Tuesday to spend 4.2 million on rebuilding the lighthouse that collapsed in the winter storm.

"We will never leave the coast in darkness," said the mayor, Ines Varga.

Work is expected to begin in March and to take about eighteen months.

Fishermen had asked for a temporary beacon while the new tower is built.

Local shops said they hoped the new tower would bring visitors back.
"""
