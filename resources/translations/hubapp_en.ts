<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AuditScreen</name>
    <message numerus="yes">
        <location filename="../../hubapp/ui/audit_screen.py" line="216" />
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContainerGridView</name>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/container_grid.py" line="451" />
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
        <location filename="../../hubapp/ui/daily_log/screen.py" line="539" />
        <source>%n row(s) with problems</source>
        <translation>
            <numerusform>%n row with problems</numerusform>
            <numerusform>%n rows with problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/screen.py" line="543" />
        <source>Pasted %n row(s).</source>
        <translation>
            <numerusform>Pasted %n row.</numerusform>
            <numerusform>Pasted %n rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/screen.py" line="584" />
        <source>Not saved: %n problem(s). Fix the red fields and cells.</source>
        <translation>
            <numerusform>Not saved: %n problem. Fix the red fields and cells.</numerusform>
            <numerusform>Not saved: %n problems. Fix the red fields and cells.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindContainerPanel</name>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/find_container.py" line="64" />
        <source>{number}: %n move(s)</source>
        <translation>
            <numerusform>{number}: %n move</numerusform>
            <numerusform>{number}: %n moves</numerusform>
        </translation>
    </message>
</context>
</TS>