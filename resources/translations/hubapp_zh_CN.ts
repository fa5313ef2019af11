<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BackupActions</name>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="38"/>
        <source>&amp;Back up now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="40"/>
        <source>&amp;Restore from backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="83"/>
        <location filename="../../hubapp/ui/backup_actions.py" line="111"/>
        <source>Backed up to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="85"/>
        <source>The automatic backup failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="97"/>
        <source>Back up the database to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="107"/>
        <source>Backup failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="112"/>
        <source>Backup made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="113"/>
        <source>The database was copied to {path} and the copy checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="116"/>
        <location filename="../../hubapp/ui/backup_actions.py" line="119"/>
        <source>Restore from backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="120"/>
        <source>Replace all data in {db} with the backup {file}?

The data as it is now is kept in {folder} first. Other desks using this database should be closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="136"/>
        <source>Restore failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="141"/>
        <source>The data now is as in {file}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="143"/>
        <source>The data from before the restore is kept in {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="145"/>
        <source>Restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="154"/>
        <source>Something went wrong; the details are in the log.

{error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="158"/>
        <source>Hub Desk database (*.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="123"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="128"/>
        <source>Save image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="129"/>
        <source>Copy image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="130"/>
        <source>Show numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="132"/>
        <source>Copy numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="182"/>
        <location filename="../../hubapp/ui/dashboard.py" line="192"/>
        <source>Save chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="183"/>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="193"/>
        <source>Could not save {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContainerGridModel</name>
    <message>
        <location filename="../../hubapp/ui/daily_log/container_grid.py" line="101"/>
        <source>Container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/container_grid.py" line="101"/>
        <source>Size-type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/container_grid.py" line="101"/>
        <source>F/E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/container_grid.py" line="102"/>
        <source>Gross kg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/container_grid.py" line="102"/>
        <source>Commodity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/container_grid.py" line="102"/>
        <source>Seal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/container_grid.py" line="102"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/container_grid.py" line="152"/>
        <source>Edit cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/container_grid.py" line="171"/>
        <source>Delete rows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContainerGridView</name>
    <message>
        <location filename="../../hubapp/ui/daily_log/container_grid.py" line="377"/>
        <source>Clear cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/container_grid.py" line="405"/>
        <source>Paste %n row(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContainerHistoryModel</name>
    <message>
        <location filename="../../hubapp/ui/daily_log/find_container.py" line="37"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/find_container.py" line="37"/>
        <source>Service</source>
        <translation type="unfinished">班次</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/find_container.py" line="37"/>
        <source>Direction</source>
        <translation type="unfinished">方向</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/find_container.py" line="37"/>
        <source>Route</source>
        <translation type="unfinished">线路</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/find_container.py" line="38"/>
        <source>Size-type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/find_container.py" line="38"/>
        <source>Status</source>
        <translation type="unfinished">状态</translation>
    </message>
</context>
<context>
    <name>DailyLogScreen</name>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="89"/>
        <source>&amp;Previous day</source>
        <translation type="unfinished">前一天(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="91"/>
        <source>&amp;Next day</source>
        <translation type="unfinished">后一天(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="93"/>
        <source>&amp;Today</source>
        <translation type="unfinished">今天(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="95"/>
        <source>&amp;Find container…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="99"/>
        <source>Previous day (Ctrl+PgUp)</source>
        <translation type="unfinished">前一天 (Ctrl+PgUp)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="106"/>
        <source>Next day (Ctrl+PgDown)</source>
        <translation type="unfinished">后一天 (Ctrl+PgDown)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="108"/>
        <source>Today</source>
        <translation type="unfinished">今天</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="117"/>
        <source>Find container (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="153"/>
        <source>No services on this day.</source>
        <translation type="unfinished">这一天没有班次。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="156"/>
        <source>&amp;New service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="158"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="159"/>
        <source>New service (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="162"/>
        <source>Copy from…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="163"/>
        <source>Start a service from a recent run of a regular one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="168"/>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="492"/>
        <source>Cancel service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="170"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="205"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="207"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="211"/>
        <source>&amp;Save service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="216"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="217"/>
        <source>Save the service and its containers (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="219"/>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="315"/>
        <source>Service</source>
        <translation type="unfinished">班次</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="372"/>
        <source>No recent services to copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="409"/>
        <source>the new service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="411"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="412"/>
        <source>{service} has changes that are not saved. Save them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="425"/>
        <source>This service: {containers} containers · {teu} TEU · {full} full / {empty} empty · {tonnes} t</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/screen.py" line="431"/>
        <source>%n row(s) with problems</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/screen.py" line="435"/>
        <source>Pasted %n row(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="437"/>
        <source>Columns not part of the grid were left out: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="462"/>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/screen.py" line="475"/>
        <source>Not saved: %n problem(s). Fix the red fields and cells.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="493"/>
        <source>Mark {service} as cancelled? It will no longer count in the day&apos;s throughput.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="504"/>
        <source>Delete service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="505"/>
        <source>Delete {service} and its {count} containers? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="511"/>
        <source>Not deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/services_list.py" line="108"/>
        <source>{services} services moved · {containers} containers · {teu} TEU · {full} full / {empty} empty · {tonnes} t</source>
        <translation type="unfinished">已运行 {services} 班 · {containers} 箱 · {teu} 标箱 · 重 {full} / 空 {empty} · {tonnes} 吨</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="252"/>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="252"/>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="253"/>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="253"/>
        <source>This year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="253"/>
        <source>Last year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="254"/>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="269"/>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="269"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="270"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="270"/>
        <source>Route</source>
        <translation type="unfinished">线路</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="271"/>
        <source>Direction</source>
        <translation type="unfinished">方向</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="271"/>
        <source>Mode</source>
        <translation type="unfinished">运输方式</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="272"/>
        <source>Commodity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="290"/>
        <source>TEU per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="290"/>
        <source>Trains per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="290"/>
        <source>By route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="291"/>
        <source>Outbound and inbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="291"/>
        <source>Top commodities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="292"/>
        <source>Monthly, year on year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="311"/>
        <source>All routes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="314"/>
        <source>Both directions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="317"/>
        <source>All modes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="320"/>
        <source>All commodities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="402"/>
        <source>Updating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="420"/>
        <source>see the log for details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="421"/>
        <source>Could not update: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="427"/>
        <source>Today</source>
        <translation type="unfinished">今天</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="431"/>
        <source>Month to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="432"/>
        <source>Year to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="437"/>
        <source>Punctuality (±{minutes} min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="439"/>
        <source>{services} timed services · last year {share}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="444"/>
        <source>Average dwell time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="445"/>
        <location filename="../../hubapp/ui/dashboard.py" line="449"/>
        <source>{days} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="447"/>
        <source>{containers} containers · last year {days}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="456"/>
        <source>no traffic last year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="458"/>
        <source>{growth} TEU on the same dates last year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="460"/>
        <source>{teu} TEU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="461"/>
        <source>{trains} trains · {containers} containers · {tonnes} t</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DayServicesModel</name>
    <message>
        <location filename="../../hubapp/ui/daily_log/services_list.py" line="29"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/services_list.py" line="29"/>
        <source>Service</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/services_list.py" line="29"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/services_list.py" line="29"/>
        <source>Mode</source>
        <translation>运输方式</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/services_list.py" line="30"/>
        <source>Route</source>
        <translation>线路</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/services_list.py" line="30"/>
        <source>From → to</source>
        <translation>起讫地</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/services_list.py" line="30"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/services_list.py" line="31"/>
        <source>Containers</source>
        <translation>箱量</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/services_list.py" line="31"/>
        <source>TEU</source>
        <translation>标箱</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/services_list.py" line="31"/>
        <source>Full</source>
        <translation>重箱</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/services_list.py" line="31"/>
        <source>Empty</source>
        <translation>空箱</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/services_list.py" line="32"/>
        <source>Tonnes</source>
        <translation>吨数</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="32"/>
        <location filename="../../hubapp/ui/export_dialog.py" line="80"/>
        <source>Export containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="41"/>
        <source>CSV (UTF-8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="42"/>
        <source>Excel workbook (XLSX)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="50"/>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="52"/>
        <source>Cancel export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="61"/>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="62"/>
        <source>&amp;To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="63"/>
        <source>F&amp;ormat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="74"/>
        <source>The first day is after the last day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="78"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="79"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="94"/>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="102"/>
        <source>{count} containers written to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="106"/>
        <source>The export failed unexpectedly. Details are in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="108"/>
        <source>Export cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindContainerPanel</name>
    <message>
        <location filename="../../hubapp/ui/daily_log/find_container.py" line="65"/>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/find_container.py" line="89"/>
        <source>{number}: %n move(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/find_container.py" line="93"/>
        <source>{number} is not in the log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="112"/>
        <location filename="../../hubapp/ui/import_dialog.py" line="182"/>
        <source>Import loading list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="117"/>
        <source>A CSV or XLSX file, one row per container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="118"/>
        <source>Choose &amp;file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="130"/>
        <source>Columns not recognised: what do they hold?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="136"/>
        <source>Skip services and containers already in the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="148"/>
        <source>&amp;Save problem list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="153"/>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="156"/>
        <source>Cancel import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="183"/>
        <source>Loading lists (*.csv *.xlsx);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="199"/>
        <source>Preview of the first rows. Check the columns, then Import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="212"/>
        <source>(ignore this column)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="244"/>
        <source>Importing {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="257"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="281"/>
        <source>Imported {services} services, {containers} containers, {teu} TEU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="286"/>
        <source>Skipped {count} containers already stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="294"/>
        <source>{count} problems in {name}; nothing was saved. Correct the file and import it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="299"/>
        <source>{count} services or containers of {name} are already in the database; nothing was saved. Tick “Skip …” to import the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="311"/>
        <source>The import failed unexpectedly; nothing was saved. Details are in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="316"/>
        <source>Import cancelled; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="331"/>
        <location filename="../../hubapp/ui/import_dialog.py" line="338"/>
        <source>Save problem list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="332"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="40"/>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="41"/>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="43"/>
        <source>&amp;Repeat password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="59"/>
        <source>Hub Desk: create the administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="61"/>
        <source>This database has no users yet. Create the administrator, who adds the clerks and supervisors. The password needs at least {min} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="64"/>
        <source>&amp;Create and log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="66"/>
        <source>Hub Desk: log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="67"/>
        <source>Who is working at this desk?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="68"/>
        <source>&amp;Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="76"/>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="30"/>
        <source>Hub Desk — {name}</source>
        <translation>枢纽工作台 — {name}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="34"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="35"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="39"/>
        <source>Daily log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="40"/>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="65"/>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="67"/>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="74"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="36"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="87"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="88"/>
        <source>&amp;About Hub Desk</source>
        <translation>关于枢纽工作台(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="110"/>
        <source>About Hub Desk</source>
        <translation>关于枢纽工作台</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="111"/>
        <source>Hub Desk {version}
The daily log of an inland logistics hub.

Database: {path}
Licence: MIT</source>
        <translation>枢纽工作台 {version}
内陆物流枢纽的每日台账。

数据库：{path}
许可证：MIT</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="97"/>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="97"/>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="97"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="97"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceForm</name>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="72"/>
        <source>Service no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="72"/>
        <source>Direction</source>
        <translation type="unfinished">方向</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="73"/>
        <source>Mode</source>
        <translation type="unfinished">运输方式</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="73"/>
        <source>Status</source>
        <translation type="unfinished">状态</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="74"/>
        <source>Route</source>
        <translation type="unfinished">线路</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="74"/>
        <source>Wagons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="75"/>
        <source>Origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="75"/>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="76"/>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="76"/>
        <source>Actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="85"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="108"/>
        <source>UN/LOCODE or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="119"/>
        <source>HH:MM</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../hubapp/ui/app.py" line="49"/>
        <source>Hub Desk cannot open the database</source>
        <translation>枢纽工作台无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/app.py" line="75"/>
        <source>Hub Desk</source>
        <translation>枢纽工作台</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/app.py" line="79"/>
        <source>Hub Desk: unexpected error</source>
        <translation>枢纽工作台：意外错误</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/app.py" line="80"/>
        <source>Something went wrong and was not saved. The details are in the log:
{log}

{error}</source>
        <translation>出现错误，本次操作未保存。详细信息见日志：
{log}

{error}</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="166"/>
        <source>Database on a network drive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="167"/>
        <source>{path} is on a network drive. SQLite cannot lock files reliably there: two desks saving at once can damage the database.

Keep the database on this computer&apos;s own disk and let the backups go to the network drive instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="15"/>
        <source>Outbound</source>
        <translation>出口</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="16"/>
        <source>Inbound</source>
        <translation>进口</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="22"/>
        <source>Rail</source>
        <translation>铁路</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="23"/>
        <source>Road</source>
        <translation>公路</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="24"/>
        <source>River</source>
        <translation>水运</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="25"/>
        <source>Rail-sea</source>
        <translation>铁海联运</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="31"/>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="32"/>
        <source>Departed</source>
        <translation>已发车</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="33"/>
        <source>Arrived</source>
        <translation>已到达</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="34"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
</TS>
