<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AuditModel</name>
    <message numerus="yes">
        <location filename="../../hubapp/ui/audit_screen.py" line="237" />
        <source>%n more</source>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditScreen</name>
    <message numerus="yes">
        <location filename="../../hubapp/ui/audit_screen.py" line="445" />
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/audit_screen.py" line="464" />
        <source>The newest {shown} of %Ln change(s): narrow the filters to see older ones</source>
        <translation>
            <numerusform>The newest {shown} of %Ln change: narrow the filters to see older ones</numerusform>
            <numerusform>The newest {shown} of %Ln changes: narrow the filters to see older ones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/audit_screen.py" line="533" />
        <source>%Ln change(s) written to {path}</source>
        <translation>
            <numerusform>%Ln change written to {path}</numerusform>
            <numerusform>%Ln changes written to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BrowseScreen</name>
    <message numerus="yes">
        <location filename="../../hubapp/ui/browse_screen.py" line="573" />
        <source>%Ln movement(s) loaded, counting…</source>
        <translation>
            <numerusform>%Ln movement loaded, counting…</numerusform>
            <numerusform>%Ln movements loaded, counting…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/browse_screen.py" line="582" />
        <source>{shown} of %Ln movement(s) loaded</source>
        <translation>
            <numerusform>{shown} of %Ln movement loaded</numerusform>
            <numerusform>{shown} of %Ln movements loaded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/browse_screen.py" line="645" />
        <source>No movements match these filters with Status “{status}”; with any status, they match %n movement(s).&lt;br&gt;&lt;a href="statuses"&gt;Show all statuses&lt;/a&gt;</source>
        <translation>
            <numerusform>No movements match these filters with Status “{status}”; with any status, they match %n movement.&lt;br&gt;&lt;a href="statuses"&gt;Show all statuses&lt;/a&gt;</numerusform>
            <numerusform>No movements match these filters with Status “{status}”; with any status, they match %n movements.&lt;br&gt;&lt;a href="statuses"&gt;Show all statuses&lt;/a&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/browse_screen.py" line="722" />
        <source>%Ln row(s) written to {path}</source>
        <translation>
            <numerusform>%Ln row written to {path}</numerusform>
            <numerusform>%Ln rows written to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CommoditiesTab</name>
    <message numerus="yes">
        <location filename="../../hubapp/ui/reference_screen.py" line="799" />
        <source>Merge “{source}” into “{target}”? “{target}” takes over its %Ln container(s) on {days}, and “{source}” leaves the list for good; totals stay the same. A merge cannot be undone.</source>
        <translation>
            <numerusform>Merge “{source}” into “{target}”? “{target}” takes over its %Ln container on {days}, and “{source}” leaves the list for good; totals stay the same. A merge cannot be undone.</numerusform>
            <numerusform>Merge “{source}” into “{target}”? “{target}” takes over its %Ln containers on {days}, and “{source}” leaves the list for good; totals stay the same. A merge cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/reference_screen.py" line="807" />
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln day</numerusform>
            <numerusform>%Ln days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContainerGridView</name>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/container_grid.py" line="995" />
        <source>Paste into %n cell(s)</source>
        <translation>
            <numerusform>Paste into %n cell</numerusform>
            <numerusform>Paste into %n cells</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/container_grid.py" line="1042" />
        <source>Paste %n row(s)</source>
        <translation>
            <numerusform>Paste %n row</numerusform>
            <numerusform>Paste %n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DailyLogScreen</name>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/screen.py" line="799" />
        <source>Planned %n service(s) from {day}.</source>
        <translation>
            <numerusform>Planned %n service from {day}.</numerusform>
            <numerusform>Planned %n services from {day}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/screen.py" line="992" />
        <source>This service: %Ln container(s) · {teu} TEU · {full} full / {empty} empty · {tonnes} t</source>
        <translation>
            <numerusform>This service: %Ln container · {teu} TEU · {full} full / {empty} empty · {tonnes} t</numerusform>
            <numerusform>This service: %Ln containers · {teu} TEU · {full} full / {empty} empty · {tonnes} t</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/screen.py" line="997" />
        <source>%n row(s) with problems</source>
        <translation>
            <numerusform>%n row with problems</numerusform>
            <numerusform>%n rows with problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/screen.py" line="1146" />
        <source>It leaves the day's totals with its %Ln container(s) ({teu} TEU).</source>
        <translation>
            <numerusform>It leaves the day's totals with its %Ln container ({teu} TEU).</numerusform>
            <numerusform>It leaves the day's totals with its %Ln containers ({teu} TEU).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/screen.py" line="1154" />
        <source>It keeps its %Ln container(s): another service of this day takes a box only once the box is taken off this one.</source>
        <translation>
            <numerusform>It keeps its %Ln container: another service of this day takes a box only once the box is taken off this one.</numerusform>
            <numerusform>It keeps its %Ln containers: another service of this day takes a box only once the box is taken off this one.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/screen.py" line="1168" />
        <source>Delete {service} and its %Ln container(s)? This cannot be undone.</source>
        <translation>
            <numerusform>Delete {service} and its %Ln container? This cannot be undone.</numerusform>
            <numerusform>Delete {service} and its %Ln containers? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/screen.py" line="1183" />
        <source>{service} and its %Ln container(s) are deleted.</source>
        <translation>
            <numerusform>{service} and its %Ln container are deleted.</numerusform>
            <numerusform>{service} and its %Ln containers are deleted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message numerus="yes">
        <location filename="../../hubapp/ui/dashboard.py" line="715" />
        <source>%Ln timed service(s)</source>
        <translation>
            <numerusform>%Ln timed service</numerusform>
            <numerusform>%Ln timed services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/dashboard.py" line="729" />
        <source>%Ln outbound container(s) with a recorded arrival</source>
        <translation>
            <numerusform>%Ln outbound container with a recorded arrival</numerusform>
            <numerusform>%Ln outbound containers with a recorded arrival</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/dashboard.py" line="786" />
        <source>%Ln service(s)</source>
        <translation>
            <numerusform>%Ln service</numerusform>
            <numerusform>%Ln services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/dashboard.py" line="787" />
        <source>%Ln by rail</source>
        <translation>
            <numerusform>%Ln by rail</numerusform>
            <numerusform>%Ln by rail</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/dashboard.py" line="788" />
        <source>%Ln container(s)</source>
        <translation>
            <numerusform>%Ln container</numerusform>
            <numerusform>%Ln containers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DayState</name>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/day_state.py" line="209" />
        <source>%n service(s) still planned ({services}). Once the day is closed, clerks cannot mark a planned service departed or arrived until a supervisor reopens it.</source>
        <translation>
            <numerusform>%n service still planned ({services}). Once the day is closed, clerks cannot mark a planned service departed or arrived until a supervisor reopens it.</numerusform>
            <numerusform>%n services still planned ({services}). Once the day is closed, clerks cannot mark a planned service departed or arrived until a supervisor reopens it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/day_state.py" line="215" />
        <source>%n service(s) moved with no containers ({services}): each counts as a train with nothing on it in the day's totals.</source>
        <translation>
            <numerusform>%n service moved with no containers ({services}): each counts as a train with nothing on it in the day's totals.</numerusform>
            <numerusform>%n services moved with no containers ({services}): each counts as a train with nothing on it in the day's totals.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditorMessages</name>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/editor_messages.py" line="37" />
        <source>{service} is saved: %n container(s), {teu} TEU.</source>
        <translation>
            <numerusform>{service} is saved: %n container, {teu} TEU.</numerusform>
            <numerusform>{service} is saved: %n containers, {teu} TEU.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/editor_messages.py" line="52" />
        <source>{service} is saved as planned: its %n container(s) count in the day's totals once it has departed. Type its actual time when it leaves.</source>
        <translation>
            <numerusform>{service} is saved as planned: its %n container count in the day's totals once it has departed. Type its actual time when it leaves.</numerusform>
            <numerusform>{service} is saved as planned: its %n containers count in the day's totals once it has departed. Type its actual time when it leaves.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/editor_messages.py" line="56" />
        <source>{service} is saved as planned: its %n container(s) count in the day's totals once it has arrived. Type its actual time when it comes in.</source>
        <translation>
            <numerusform>{service} is saved as planned: its %n container count in the day's totals once it has arrived. Type its actual time when it comes in.</numerusform>
            <numerusform>{service} is saved as planned: its %n containers count in the day's totals once it has arrived. Type its actual time when it comes in.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/editor_messages.py" line="78" />
        <source>Not saved: %n problem(s). Fix the red fields and cells.</source>
        <translation>
            <numerusform>Not saved: %n problem. Fix the red fields and cells.</numerusform>
            <numerusform>Not saved: %n problems. Fix the red fields and cells.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/editor_messages.py" line="95" />
        <source>Pasted %n row(s).</source>
        <translation>
            <numerusform>Pasted %n row.</numerusform>
            <numerusform>Pasted %n rows.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <location filename="../../hubapp/ui/export_dialog.py" line="193" />
        <source>%Ln row(s) written to {path}</source>
        <translation>
            <numerusform>%Ln row written to {path}</numerusform>
            <numerusform>%Ln rows written to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindContainerPanel</name>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/find_container.py" line="155" />
        <source>{typed}: the check digit should be {digit} — showing {number}: %n move(s)</source>
        <translation>
            <numerusform>{typed}: the check digit should be {digit} — showing {number}: %n move</numerusform>
            <numerusform>{typed}: the check digit should be {digit} — showing {number}: %n moves</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/find_container.py" line="158" />
        <source>{number}: %n move(s)</source>
        <translation>
            <numerusform>{number}: %n move</numerusform>
            <numerusform>{number}: %n moves</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GridDelegate</name>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/container_grid.py" line="221" />
        <source>Type into %n cell(s)</source>
        <translation>
            <numerusform>Type into %n cell</numerusform>
            <numerusform>Type into %n cells</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <location filename="../../hubapp/ui/import_dialog.py" line="835" />
        <source>%Ln service(s)</source>
        <translation>
            <numerusform>%Ln service</numerusform>
            <numerusform>%Ln services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/import_dialog.py" line="836" />
        <source>%Ln container(s)</source>
        <translation>
            <numerusform>%Ln container</numerusform>
            <numerusform>%Ln containers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/import_dialog.py" line="872" />
        <source>%Ln problem(s) in {name}; nothing was saved. A column said to be missing may be one left ignored above: choose its field there and import again. Correct the file for the rest.</source>
        <translation>
            <numerusform>%Ln problem in {name}; nothing was saved. A column said to be missing may be one left ignored above: choose its field there and import again. Correct the file for the rest.</numerusform>
            <numerusform>%Ln problems in {name}; nothing was saved. A column said to be missing may be one left ignored above: choose its field there and import again. Correct the file for the rest.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/import_dialog.py" line="877" />
        <source>%Ln problem(s) in {name}; nothing was saved. Correct the file and import it again.</source>
        <translation>
            <numerusform>%Ln problem in {name}; nothing was saved. Correct the file and import it again.</numerusform>
            <numerusform>%Ln problems in {name}; nothing was saved. Correct the file and import it again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/import_dialog.py" line="883" />
        <source>{name} has %Ln value(s) differing from what the database holds, and an import does not change stored data; nothing was saved. Correct the daily log where it is wrong, or leave the row(s) out of the file.</source>
        <translation>
            <numerusform>{name} has %Ln value differing from what the database holds, and an import does not change stored data; nothing was saved. Correct the daily log where it is wrong, or leave the row out of the file.</numerusform>
            <numerusform>{name} has %Ln values differing from what the database holds, and an import does not change stored data; nothing was saved. Correct the daily log where it is wrong, or leave the rows out of the file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/import_dialog.py" line="894" />
        <source>%Ln service(s) or container(s) of {name} already in the database, and it holds nothing else; nothing was saved.</source>
        <translation>
            <numerusform>%Ln service or container of {name} already in the database, and it holds nothing else; nothing was saved.</numerusform>
            <numerusform>%Ln services or containers of {name} already in the database, and it holds nothing else; nothing was saved.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/import_dialog.py" line="900" />
        <source>%Ln service(s) or container(s) of {name} already in the database; nothing was saved. Tick “Skip …” to import the rest.</source>
        <translation>
            <numerusform>%Ln service or container of {name} already in the database; nothing was saved. Tick “Skip …” to import the rest.</numerusform>
            <numerusform>%Ln services or containers of {name} already in the database; nothing was saved. Tick “Skip …” to import the rest.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/import_dialog.py" line="976" />
        <source>Line {line} is past the first %n row(s) the preview shows: the list says what is wrong there</source>
        <translation>
            <numerusform>Line {line} is past the first %n row the preview shows: the list says what is wrong there</numerusform>
            <numerusform>Line {line} is past the first %n rows the preview shows: the list says what is wrong there</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanDayDialog</name>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/plan_dialog.py" line="99" />
        <source>&amp;Plan %n service(s)</source>
        <translation>
            <numerusform>&amp;Plan %n service</numerusform>
            <numerusform>&amp;Plan %n services</numerusform>
        </translation>
    </message>
</context>
</TS>