"""Query plans for the scale tests: the nodes of ``EXPLAIN`` with sequential scans switched off, so a
small test table still proves that an index path exists."""

import json

from django.db import connection, transaction


def plan_nodes(queryset):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # small tables: prove an index path exists
        sql, params = (queryset, None) if isinstance(queryset, str) else queryset.query.sql_with_params()
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        plan = cursor.fetchone()[0]
    plan = plan if isinstance(plan, list) else json.loads(plan)
    nodes, stack = [], [plan[0]["Plan"]]
    while stack:
        node = stack.pop()
        nodes.append(node)
        stack.extend(node.get("Plans", []))
    return nodes
