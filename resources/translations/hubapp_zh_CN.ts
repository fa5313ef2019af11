<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="225"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/writing.py" line="431"/>
        <location filename="../../hubapp/ui/audit_screen.py" line="225"/>
        <source>When ({zone})</source>
        <translation>时间（{zone}）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="226"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="226"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="226"/>
        <source>What</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="226"/>
        <source>Changes</source>
        <translation>变更内容</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/audit_screen.py" line="237"/>
        <source>%n more</source>
        <translation>
            <numerusform>另有 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="153"/>
        <location filename="../../hubapp/ui/audit_screen.py" line="239"/>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>AuditScreen</name>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="348"/>
        <source>Pick a change above to see every field it changed.</source>
        <translation>在上方选择一条变更，即可查看它修改的所有字段。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="294"/>
        <source>Any &amp;day</source>
        <translation>任意日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="293"/>
        <location filename="../../hubapp/ui/audit_screen.py" line="431"/>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="314"/>
        <source>Starts with…</source>
        <translation>开头为…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="319"/>
        <source>The saves that added, edited or removed a container whose number starts with this; for a whole number, also the imports that brought in its services</source>
        <translation>列出添加、修改或移除箱号以此开头的集装箱的保存；输入完整箱号时，还列出带入其所在班次的导入。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="321"/>
        <source>E&amp;xport CSV…</source>
        <translation>导出 CSV(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="323"/>
        <source>Ca&amp;ncel export</source>
        <translation>取消导出(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="329"/>
        <source>Changes found</source>
        <translation>查到的变更</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="342"/>
        <source>Details of the change</source>
        <translation>变更详情</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="262"/>
        <source>&amp;User</source>
        <translation>用户(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="263"/>
        <source>&amp;Action</source>
        <translation>操作(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="265"/>
        <source>&amp;Service</source>
        <translation>班次(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="266"/>
        <source>&amp;Container</source>
        <translation>箱号(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="393"/>
        <source>A period of at most {days} days is searched: choose a later first day or an earlier last one.</source>
        <translation>最多可查询 {days} 天：请把起始日期后移，或把结束日期前移。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="400"/>
        <source>Searching…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="428"/>
        <source>All users</source>
        <translation>全部用户</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/audit_screen.py" line="445"/>
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n 条变更</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="449"/>
        <source>The newest {shown} changes; counting all that match…</source>
        <translation>最新的 {shown} 条变更；正在统计全部匹配的变更…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/audit_screen.py" line="464"/>
        <source>The newest {shown} of %Ln change(s): narrow the filters to see older ones</source>
        <translation>
            <numerusform>最新的 {shown} 条，共 %Ln 条变更：缩小筛选范围可查看更早的记录</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="473"/>
        <source>The newest {shown} changes; they could not all be counted: {reason}</source>
        <translation>最新的 {shown} 条变更；无法统计全部匹配的变更：{reason}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="484"/>
        <source>Could not list the changes: {reason}</source>
        <translation>无法列出变更：{reason}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="521"/>
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="520"/>
        <source>audit-log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="522"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/audit_screen.py" line="533"/>
        <source>%Ln change(s) written to {path}</source>
        <translation>
            <numerusform>已将 %Ln 条变更写入 {path}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="518"/>
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="297"/>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="299"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="310"/>
        <source>First day</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="311"/>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="45"/>
        <source>&amp;Back up now…</source>
        <translation>立即备份(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="47"/>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="136"/>
        <source>Backing up before closing; the window closes when the backup is made…</source>
        <translation>正在关闭前备份；备份完成后窗口将自动关闭…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="285"/>
        <source>Backed up to {path}</source>
        <translation>已备份到 {path}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="180"/>
        <source>The automatic backup failed</source>
        <translation>自动备份失败</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="181"/>
        <source>Free some space, or pick a backup folder on another disk in Edit ▸ Settings…</source>
        <translation>请释放一些空间，或在“编辑 ▸ 设置…”中选择另一个磁盘上的备份文件夹</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="200"/>
        <source>Back up the database to</source>
        <translation>将数据库备份到</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="210"/>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="216"/>
        <source>Backup made</source>
        <translation>备份完成</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="217"/>
        <source>The database was copied to {path} and the copy checked.</source>
        <translation>数据库已复制到 {path}，副本已通过检查。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="220"/>
        <location filename="../../hubapp/ui/backup_actions.py" line="223"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="224"/>
        <source>Replace all data in {db} with the backup {file}?

The data as it is now is kept in {folder} first. Other desks using this database should be closed.</source>
        <translation>用备份 {file} 替换 {db} 中的全部数据？

当前数据会先保存在 {folder} 中。使用此数据库的其他工作台应先关闭。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="242"/>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="249"/>
        <source>The data now is as in {file}.</source>
        <translation>现在的数据与 {file} 中的一致。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="251"/>
        <source>The data from before the restore is kept in {path}.</source>
        <translation>恢复之前的数据保存在 {path}。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="253"/>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="266"/>
        <source>Something went wrong; the details are in the log.

{error}</source>
        <translation>出现错误，详细信息已写入日志。

{error}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="275"/>
        <source>PostgreSQL backup (*.dump);;All files (*)</source>
        <translation>PostgreSQL 备份 (*.dump);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="276"/>
        <source>Hub Desk database (*.db);;All files (*)</source>
        <translation>枢纽工作台数据库 (*.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>BrowseScreen</name>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="266"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="268"/>
        <location filename="../../hubapp/ui/browse_screen.py" line="270"/>
        <source>Starts with…</source>
        <translation>开头为…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="285"/>
        <source>C&amp;lear</source>
        <translation>清除(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="295"/>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="296"/>
        <source>The movements listed, in this order, to a CSV or XLSX file that File ▸ Import… reads back</source>
        <translation>将所列箱动态按此顺序导出为 CSV 或 XLSX 文件，可由“文件 ▸ 导入…”读回</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="291"/>
        <source>Desce&amp;nding</source>
        <translation>降序(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="301"/>
        <source>Fr&amp;om</source>
        <translation>从(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="301"/>
        <source>&amp;To</source>
        <translation>至(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="302"/>
        <source>&amp;Container</source>
        <translation>箱号(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="303"/>
        <source>&amp;Service</source>
        <translation>班次(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="304"/>
        <source>&amp;Route</source>
        <translation>线路(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="305"/>
        <source>&amp;Direction</source>
        <translation>方向(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="306"/>
        <source>&amp;Mode</source>
        <translation>运输方式(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="307"/>
        <source>Commod&amp;ity</source>
        <translation>货名(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="308"/>
        <source>St&amp;atus</source>
        <translation>状态(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="311"/>
        <source>Sort &amp;by</source>
        <translation>排序依据(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="315"/>
        <source>File lan&amp;guage</source>
        <translation>文件语言(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="321"/>
        <source>Movements found</source>
        <translation>查到的箱动态</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="342"/>
        <source>Cancel ex&amp;port</source>
        <translation>取消导出(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="376"/>
        <source>Both directions</source>
        <translation>全部方向</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="379"/>
        <source>All modes</source>
        <translation>全部运输方式</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="383"/>
        <source>Moved (departed or arrived)</source>
        <translation>实际开行（已发运或已到达）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="384"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/browse_screen.py" line="573"/>
        <source>%Ln movement(s) loaded, counting…</source>
        <translation>
            <numerusform>已加载 %Ln 条箱动态，正在计数…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="575"/>
        <source>No movements</source>
        <translation>没有箱动态</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="578"/>
        <source>Copied {shown} of {total} movements — Export… writes them all</source>
        <translation>已复制 {shown} / {total} 条箱动态——“导出…”可写出全部</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/browse_screen.py" line="582"/>
        <source>{shown} of %Ln movement(s) loaded</source>
        <translation>
            <numerusform>已加载 {shown} / %Ln 条箱动态</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="585"/>
        <source>(loading more…)</source>
        <translation>（正在加载更多…）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="594"/>
        <source>{typed}: the check digit should be {digit} — showing {number}</source>
        <translation>{typed}：校验位应为 {digit}，显示的是 {number}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="595"/>
        <source>{typed}: the check digit should be {digit}, and no movement of {number} matches</source>
        <translation>{typed}：校验位应为 {digit}，也没有 {number} 的箱动态记录</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="611"/>
        <source>No movements yet. The containers of the services saved in the daily log or imported are listed here.</source>
        <translation>尚无箱动态记录。在每日台账中保存或导入的班次的集装箱会列在这里。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="614"/>
        <source>No movements yet. The containers of the services saved in the daily log or imported are listed here once they have departed or arrived; choose All statuses to see the others too.</source>
        <translation>暂无箱动态。每日台账中保存或导入的班次，其集装箱在发运或到达后列在这里；选择“全部状态”可同时查看其他箱子。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="619"/>
        <source>No movements match these filters.&lt;br&gt;&lt;a href=&quot;clear&quot;&gt;Clear the filters&lt;/a&gt;</source>
        <translation>没有符合这些筛选条件的箱动态。&lt;br&gt;&lt;a href=&quot;clear&quot;&gt;清除筛选条件&lt;/a&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/browse_screen.py" line="645"/>
        <source>No movements match these filters with Status “{status}”; with any status, they match %n movement(s).&lt;br&gt;&lt;a href=&quot;statuses&quot;&gt;Show all statuses&lt;/a&gt;</source>
        <translation>
            <numerusform>状态为“{status}”时没有符合这些筛选条件的箱动态；不限状态则有 %n 条符合。&lt;br&gt;&lt;a href=&quot;statuses&quot;&gt;显示全部状态&lt;/a&gt;</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="669"/>
        <source>No container number starts with {typed}.&lt;br&gt;{near}&lt;br&gt;&lt;a href=&quot;clear&quot;&gt;Clear the filters&lt;/a&gt;</source>
        <translation>没有以 {typed} 开头的箱号。&lt;br&gt;{near}&lt;br&gt;&lt;a href=&quot;clear&quot;&gt;清除筛选条件&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="672"/>
        <source>No container number starts with {typed}.&lt;br&gt;&lt;a href=&quot;clear&quot;&gt;Clear the filters&lt;/a&gt;</source>
        <translation>没有以 {typed} 开头的箱号。&lt;br&gt;&lt;a href=&quot;clear&quot;&gt;清除筛选条件&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="674"/>
        <source>No service number starts with {typed}.&lt;br&gt;&lt;a href=&quot;clear&quot;&gt;Clear the filters&lt;/a&gt;</source>
        <translation>没有以 {typed} 开头的班次号。&lt;br&gt;&lt;a href=&quot;clear&quot;&gt;清除筛选条件&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="691"/>
        <source>Could not load the movements: {reason}</source>
        <translation>无法加载箱动态：{reason}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="707"/>
        <source>Export movements</source>
        <translation>导出箱动态</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="708"/>
        <source>movements</source>
        <translation>箱动态</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/browse_screen.py" line="722"/>
        <source>%Ln row(s) written to {path}</source>
        <translation>
            <numerusform>已将 %Ln 行写入 {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="189"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="195"/>
        <source>&amp;Show numbers</source>
        <translation>显示数据(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="197"/>
        <source>Copy &amp;numbers</source>
        <translation>复制数据(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="198"/>
        <source>Copy &amp;image</source>
        <translation>复制图片(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="199"/>
        <source>S&amp;ave image…</source>
        <translation>保存图片(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="254"/>
        <source>A chart of {counted}; Enter or Show numbers (Alt+S) lists its figures, Ctrl+C copies it</source>
        <translation>图表（{counted}）；按 Enter 或“显示数据”（Alt+S）列出其中的数字，Ctrl+C 复制图表</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="256"/>
        <source>{chart}, in numbers</source>
        <translation>{chart}（数据）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="303"/>
        <source>{series}: {value} ({at})</source>
        <translation>{series}：{value}（{at}）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="306"/>
        <source>{series}: {value} throughout</source>
        <translation>{series}：始终为 {value}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="309"/>
        <source>{series}: highest {high} ({at_high}), lowest {low} ({at_low})</source>
        <translation>{series}：最高 {high}（{at_high}），最低 {low}（{at_low}）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="315"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="340"/>
        <location filename="../../hubapp/ui/dashboard.py" line="351"/>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="341"/>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PNG 图片 (*.png);;SVG 图片 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="352"/>
        <source>Could not save {path}: {reason}</source>
        <translation>无法保存 {path}：{reason}</translation>
    </message>
</context>
<context>
    <name>ClosedDayReasons</name>
    <message>
        <location filename="../../hubapp/ui/daily_log/closed_day_reasons.py" line="59"/>
        <source>{date} is closed. Why change it? The reason is kept in the audit log.</source>
        <translation>{date} 已关账。为什么要修改？原因将记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/closed_day_reasons.py" line="63"/>
        <source>It changes closed days: {days}. Why change them? The reason is kept in the audit log.</source>
        <translation>这会改变已关账的日期：{days}。为什么要修改？原因将记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/closed_day_reasons.py" line="71"/>
        <source>Change a closed day</source>
        <translation>修改已关账的日期</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/closed_day_reasons.py" line="76"/>
        <source>Nothing was changed: a closed day is changed only with a reason.</source>
        <translation>未做任何修改：修改已关账的日期必须填写原因。</translation>
    </message>
</context>
<context>
    <name>CommoditiesModel</name>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="56"/>
        <source>HS code</source>
        <translation>HS 编码</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="56"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="56"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="56"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="57"/>
        <source>Perishable</source>
        <translation>易腐</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="57"/>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="60"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>CommoditiesTab</name>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="721"/>
        <source>Show &amp;retired</source>
        <translation>显示已停用(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="726"/>
        <location filename="../../hubapp/ui/reference_screen.py" line="761"/>
        <source>Re&amp;tire</source>
        <translation>停用(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="728"/>
        <source>&amp;Merge into…</source>
        <translation>合并到(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="730"/>
        <source>Move every container of this commodity to another one, then remove this one</source>
        <translation>把此货名的所有集装箱移到另一货名，然后移除此货名</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="760"/>
        <source>Unre&amp;tire</source>
        <translation>恢复使用(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="767"/>
        <source>Unretire commodity</source>
        <translation>恢复使用货名</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="767"/>
        <source>Retire commodity</source>
        <translation>停用货名</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="784"/>
        <source>{name} ({code})</source>
        <comment>a commodity and its HS code</comment>
        <translation>{name}（{code}）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="786"/>
        <source>Merge commodities</source>
        <translation>合并货名</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="788"/>
        <source>Move every container of “{name}” to:</source>
        <translation>把“{name}”的所有集装箱移到：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/reference_screen.py" line="799"/>
        <source>Merge “{source}” into “{target}”? “{target}” takes over its %Ln container(s) on {days}, and “{source}” leaves the list for good; totals stay the same. A merge cannot be undone.</source>
        <translation>
            <numerusform>把“{source}”合并到“{target}”？“{source}”的 %Ln 个集装箱（分布在 {days}中）将归入“{target}”，“{source}”将从列表中永久移除；合计不变。合并无法撤销。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="802"/>
        <source>Merge “{source}” into “{target}”? “{source}” holds no containers and leaves the list for good. A merge cannot be undone.</source>
        <translation>把“{source}”合并到“{target}”？“{source}”没有集装箱，将从列表中永久移除。合并无法撤销。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/reference_screen.py" line="807"/>
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="816"/>
        <source>It changes the commodity figures of closed days: {days}. Why merge them? The reason is kept in the audit log.</source>
        <translation>这会改变已关账日期的货名数据：{days}。为什么要合并？原因将记入审计日志。</translation>
    </message>
</context>
<context>
    <name>CommodityForm</name>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="327"/>
        <source>&amp;HS code (6 digits)</source>
        <translation>HS 编码（6 位）(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="329"/>
        <source>&amp;English name</source>
        <translation>英文名称(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="330"/>
        <source>Chinese &amp;name</source>
        <translation>中文名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="336"/>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="338"/>
        <source>C&amp;ategory</source>
        <translation>类别(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="339"/>
        <source>&amp;Perishable (fruit, frozen food…)</source>
        <translation>易腐（水果、冷冻食品…）(&amp;P)</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../hubapp/ui/connect_dialog.py" line="47"/>
        <source>Connect to server</source>
        <translation>连接服务器</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/connect_dialog.py" line="69"/>
        <source>none (e.g. sslmode=verify-full)</source>
        <translation>无（例如 sslmode=verify-full）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/connect_dialog.py" line="70"/>
        <source>&amp;Remember the password on this computer</source>
        <translation>在此电脑上记住密码(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/connect_dialog.py" line="71"/>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/connect_dialog.py" line="82"/>
        <source>&amp;Host</source>
        <translation>主机(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/connect_dialog.py" line="83"/>
        <source>&amp;Port</source>
        <translation>端口(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/connect_dialog.py" line="84"/>
        <source>&amp;Database</source>
        <translation>数据库(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/connect_dialog.py" line="85"/>
        <source>&amp;User</source>
        <translation>用户(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/connect_dialog.py" line="86"/>
        <source>P&amp;assword</source>
        <translation>密码(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/connect_dialog.py" line="87"/>
        <source>Opt&amp;ions</source>
        <translation>连接选项(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/connect_dialog.py" line="142"/>
        <source>Enter the server&apos;s host name and the database.</source>
        <translation>请输入服务器主机名和数据库。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/connect_dialog.py" line="171"/>
        <source>Connecting to {name}…</source>
        <translation>正在连接 {name}…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/connect_dialog.py" line="188"/>
        <source>Connected to {name}.</source>
        <translation>已连接到 {name}。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/connect_dialog.py" line="219"/>
        <source>Password not remembered</source>
        <translation>未记住密码</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/connect_dialog.py" line="220"/>
        <source>No password store (keyring) works on this computer, so the password is kept only until Hub Desk closes.

To connect without typing it, put it in ~/.pgpass (a line host:port:database:user:password, readable only by you: chmod 600).</source>
        <translation>此电脑上没有可用的密码存储（密钥环），因此密码只保留到枢纽工作台关闭为止。

若想连接时无需输入密码，请将其写入 ~/.pgpass（一行 主机:端口:数据库:用户:密码，仅本人可读：chmod 600）。</translation>
    </message>
</context>
<context>
    <name>ContainerGridModel</name>
    <message>
        <location filename="../../hubapp/ui/daily_log/grid_model.py" line="273"/>
        <source>Container</source>
        <translation>箱号</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/grid_model.py" line="273"/>
        <source>Size-type</source>
        <translation>箱型</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/grid_model.py" line="273"/>
        <source>F/E</source>
        <translation>空重</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/grid_model.py" line="274"/>
        <source>Gross kg</source>
        <translation>毛重（千克）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/grid_model.py" line="274"/>
        <source>Commodity</source>
        <translation>货名</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/grid_model.py" line="274"/>
        <source>Seal</source>
        <translation>铅封号</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/grid_model.py" line="274"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/grid_model.py" line="305"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/grid_model.py" line="338"/>
        <source>Edit cell</source>
        <translation>编辑单元格</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/grid_model.py" line="375"/>
        <source>Delete rows</source>
        <translation>删除行</translation>
    </message>
</context>
<context>
    <name>ContainerGridView</name>
    <message>
        <location filename="../../hubapp/ui/daily_log/container_grid.py" line="911"/>
        <source>Clear cells</source>
        <translation>清空单元格</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/container_grid.py" line="932"/>
        <location filename="../../hubapp/ui/daily_log/container_grid.py" line="934"/>
        <source>Cut</source>
        <translation>剪切</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/container_grid.py" line="965"/>
        <source>Fill down</source>
        <translation>向下填充</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/container_grid.py" line="309"/>
        <source>C&amp;lear cells</source>
        <translation>清空单元格(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/container_grid.py" line="312"/>
        <source>D&amp;elete rows</source>
        <translation>删除行(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/container_grid.py" line="315"/>
        <source>Fill &amp;down</source>
        <translation>向下填充(&amp;D)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/container_grid.py" line="995"/>
        <source>Paste into %n cell(s)</source>
        <translation>
            <numerusform>粘贴到 %Ln 个单元格</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/container_grid.py" line="1010"/>
        <source>pasted column {number}</source>
        <translation>粘贴的第 {number} 列</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/container_grid.py" line="1042"/>
        <source>Paste %n row(s)</source>
        <translation>
            <numerusform>粘贴 %n 行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContainerHistoryModel</name>
    <message>
        <location filename="../../hubapp/ui/daily_log/find_container.py" line="32"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/find_container.py" line="32"/>
        <source>Service</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/find_container.py" line="32"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/find_container.py" line="32"/>
        <source>Route</source>
        <translation>线路</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/find_container.py" line="33"/>
        <source>Size-type, F/E</source>
        <translation>箱型·空重</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/find_container.py" line="33"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>DailyLogScreen</name>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="208"/>
        <source>&amp;Previous day</source>
        <translation>前一天(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="210"/>
        <source>&amp;Next day</source>
        <translation>后一天(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="212"/>
        <source>&amp;Today</source>
        <translation>今天(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="215"/>
        <source>&amp;Find container…</source>
        <translation>查找箱号(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="460"/>
        <source>No services on this day.</source>
        <translation>这一天没有班次。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="251"/>
        <source>&amp;New service</source>
        <translation>新建班次(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="254"/>
        <source>New service (Ctrl+N)</source>
        <translation>新建班次（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="259"/>
        <source>Start a service from a recent run of a regular one</source>
        <translation>以近期的固定班次为模板新建</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="891"/>
        <source>Discard them?</source>
        <translation>是否放弃这些修改？</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="267"/>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="1122"/>
        <source>Cancel service</source>
        <translation>取消班次</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="331"/>
        <source>&amp;Save service</source>
        <translation>保存班次(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="342"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="343"/>
        <source>Save the service and its containers (Ctrl+S)</source>
        <translation>保存班次及其集装箱（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="526"/>
        <source>{reason}. Your changes are still here: Save stores them as a new service.</source>
        <translation>{reason}。您的修改仍在：点“保存”会将其存为一个新班次。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="253"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="258"/>
        <source>Co&amp;py from…</source>
        <translation>复制自(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="345"/>
        <source>&amp;Revert</source>
        <translation>还原(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="624"/>
        <source>Service</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="734"/>
        <source>No recent services to copy</source>
        <translation>近期没有可复制的班次</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="553"/>
        <source>the new service</source>
        <translation>新班次</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="890"/>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="893"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="894"/>
        <source>{service} has changes that are not saved. Save them?</source>
        <translation>{service} 有未保存的修改。是否保存？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/screen.py" line="992"/>
        <source>This service: %Ln container(s) · {teu} TEU · {full} full / {empty} empty · {tonnes} t</source>
        <translation>
            <numerusform>本班次：%Ln 箱 · {teu} 标箱 · 重 {full} / 空 {empty} · {tonnes} 吨</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="229"/>
        <source>Services of the day</source>
        <translation>当日班次</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="219"/>
        <source>Day&apos;s &amp;services</source>
        <translation>当日班次(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="270"/>
        <source>C&amp;ancel service</source>
        <translation>取消班次(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="274"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="275"/>
        <source>Delete the service picked, asking first (Delete in the day&apos;s list)</source>
        <translation>删除所选班次，会先询问（在当天的班次列表中按 Delete）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="312"/>
        <source>Containers of the service</source>
        <translation>该班次的集装箱</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="459"/>
        <source>No services recorded yet: New (Ctrl+N) starts one; File ▸ Import… reads a loading list.</source>
        <translation>还没有任何班次记录：单击“新建”（Ctrl+N）录入第一个班次，或用“文件 ▸ 导入…”读入装载清单。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="713"/>
        <source>Plan the day like {day}…</source>
        <translation>按 {day} 的班次安排本日…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="737"/>
        <source>Every service of {day} is on this day already.</source>
        <translation>{day} 的所有班次都已在这一天。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="756"/>
        <source>{service} — cancelled that day</source>
        <translation>{service}——当天已取消</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="779"/>
        <source>Plan the day</source>
        <translation>安排本日班次</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="780"/>
        <source>The services of {source} to plan on {day}, without containers:</source>
        <translation>按 {source} 的班次安排到 {day}（不含集装箱）：</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="791"/>
        <source>Nothing planned</source>
        <translation>未安排班次</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="792"/>
        <source>No service was planned.</source>
        <translation>没有安排任何班次。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/screen.py" line="799"/>
        <source>Planned %n service(s) from {day}.</source>
        <translation>
            <numerusform>已按 {day} 安排 %n 个班次。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="810"/>
        <source>{number} ({direction}): {problem}</source>
        <translation>{number}（{direction}）：{problem}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="918"/>
        <source>Already cancelled: to put it back, set its Status to Planned (or Departed or Arrived, with its actual time) and save</source>
        <translation>已取消：如要恢复，请把“状态”改为“计划中”（或“已发运”“已到达”，并填写实际时间），然后保存</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="920"/>
        <source>Mark the service picked as cancelled, asking first (Edit ▸ Cancel service)</source>
        <translation>将所选班次标记为已取消，会先询问（编辑 ▸ 取消班次）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="1129"/>
        <source>{service} is cancelled.</source>
        <translation>{service} 已取消。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/screen.py" line="1146"/>
        <source>It leaves the day&apos;s totals with its %Ln container(s) ({teu} TEU).</source>
        <translation>
            <numerusform>它及其 %Ln 箱（{teu} 标箱）将移出当日合计。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="1150"/>
        <source>Its actual time {time} is cleared.</source>
        <translation>其实际时间 {time} 将被清除。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="1153"/>
        <source>It is planned, so it did not count in the day&apos;s totals.</source>
        <translation>该班次为计划状态，未计入当日合计。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/screen.py" line="1154"/>
        <source>It keeps its %Ln container(s): another service of this day takes a box only once the box is taken off this one.</source>
        <translation>
            <numerusform>它仍保留其 %Ln 箱：须先将箱子从该班次中移除，当天的其他班次才能接收。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="1158"/>
        <source>Mark {service} as cancelled?</source>
        <translation>将 {service} 标记为已取消？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/screen.py" line="1168"/>
        <source>Delete {service} and its %Ln container(s)? This cannot be undone.</source>
        <translation>
            <numerusform>删除 {service} 及其 %Ln 个集装箱？此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/screen.py" line="1183"/>
        <source>{service} and its %Ln container(s) are deleted.</source>
        <translation>
            <numerusform>{service} 及其 %Ln 个集装箱已删除。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="1184"/>
        <source>{service} is deleted.</source>
        <translation>{service} 已删除。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/screen.py" line="997"/>
        <source>%n row(s) with problems</source>
        <translation>
            <numerusform>%n 行有问题</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="1090"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="1167"/>
        <source>Delete service</source>
        <translation>删除班次</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/screen.py" line="1175"/>
        <source>Not deleted</source>
        <translation>未删除</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/services_list.py" line="126"/>
        <source>{services} moved · {containers} · {teu} TEU · {full} full / {empty} empty · {tonnes} t</source>
        <translation>实际开行 {services} · {containers} · {teu} 标箱 · 重 {full} / 空 {empty} · {tonnes} 吨</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/services_list.py" line="135"/>
        <source>{services} moved · {containers} · {teu} TEU</source>
        <translation>实际开行 {services} · {containers} · {teu} 标箱</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/services_list.py" line="143"/>
        <source>{count} service(s)</source>
        <translation>{count} 班</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/services_list.py" line="145"/>
        <source>{count} container(s)</source>
        <translation>{count} 箱</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="469"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="469"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="470"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="470"/>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="470"/>
        <source>Last year</source>
        <translation>去年</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="471"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="471"/>
        <source>All history</source>
        <translation>全部历史</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="504"/>
        <source>TEU per day</source>
        <translation>每日标箱</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="504"/>
        <source>Trains per day</source>
        <translation>每日班列</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="504"/>
        <source>By route</source>
        <translation>按线路</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="505"/>
        <source>Outbound and inbound</source>
        <translation>去程与回程</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="505"/>
        <source>Top commodities</source>
        <translation>主要货物</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="506"/>
        <source>Monthly, year on year</source>
        <translation>月度同比</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="531"/>
        <source>Both directions</source>
        <translation>全部方向</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="534"/>
        <source>All modes</source>
        <translation>全部运输方式</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="642"/>
        <source>Updating…</source>
        <translation>正在更新…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="668"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="675"/>
        <source>Could not update: {reason}</source>
        <translation>无法更新：{reason}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="682"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="682"/>
        <source>Month to date</source>
        <translation>本月累计</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="682"/>
        <source>Year to date</source>
        <translation>本年累计</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="711"/>
        <source>Punctuality (±{minutes} min)</source>
        <translation>正点率（±{minutes} 分钟）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/dashboard.py" line="729"/>
        <source>%Ln outbound container(s) with a recorded arrival</source>
        <translation>
            <numerusform>%Ln 个有进场记录的去程集装箱</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="730"/>
        <source>no box that left has a recorded arrival yet</source>
        <translation>离场集装箱均无进场记录</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="731"/>
        <source>last year {days}</source>
        <translation>去年 {days}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="744"/>
        <source>Year {year}</source>
        <translation>{year}年全年</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="750"/>
        <source>Records start on {day}: the same dates last year are not all on record, so they are not compared.</source>
        <translation>记录始于{day}：去年同期的数据不全，因此不作比较。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="759"/>
        <source>no records yet</source>
        <translation>尚无记录</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="762"/>
        <source>records start on {day}</source>
        <translation>记录始于{day}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="766"/>
        <source>nothing has moved yet today</source>
        <translation>今天尚无班次运行</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/dashboard.py" line="786"/>
        <source>%Ln service(s)</source>
        <translation>
            <numerusform>%Ln 班</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/dashboard.py" line="787"/>
        <source>%Ln by rail</source>
        <translation>
            <numerusform>其中铁路 %Ln 列</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/dashboard.py" line="788"/>
        <source>%Ln container(s)</source>
        <translation>
            <numerusform>%Ln 箱</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="789"/>
        <source>{tonnes} t</source>
        <translation>{tonnes} 吨</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="726"/>
        <source>Average dwell time</source>
        <translation>平均堆存时间</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="487"/>
        <source>&amp;Period</source>
        <translation>期间(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="487"/>
        <source>Fr&amp;om</source>
        <translation>从(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="488"/>
        <source>&amp;To</source>
        <translation>至(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="488"/>
        <source>&amp;Route</source>
        <translation>线路(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="489"/>
        <source>&amp;Direction</source>
        <translation>方向(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="489"/>
        <source>&amp;Mode</source>
        <translation>运输方式(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="490"/>
        <source>&amp;Commodity</source>
        <translation>货名(&amp;C)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/dashboard.py" line="715"/>
        <source>%Ln timed service(s)</source>
        <translation>
            <numerusform>计入 %Ln 个班次</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="716"/>
        <source>last year {share}</source>
        <translation>去年 {share}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="727"/>
        <location filename="../../hubapp/ui/dashboard.py" line="732"/>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="734"/>
        <source>counted as boxes leave, whatever the direction chosen</source>
        <translation>按集装箱离场时统计，与所选方向无关</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="772"/>
        <source>no traffic last year</source>
        <translation>去年同期无运量</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="774"/>
        <source>{growth} TEU on the same dates last year</source>
        <translation>标箱较去年同期 {growth}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="779"/>
        <source>{comparison}, {until}</source>
        <translation>{comparison}（{until}）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="780"/>
        <source>to {time}</source>
        <translation>截至 {time}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="782"/>
        <source>{teu} TEU</source>
        <translation>{teu} 标箱</translation>
    </message>
</context>
<context>
    <name>DayBar</name>
    <message>
        <location filename="../../hubapp/ui/daily_log/day_bar.py" line="28"/>
        <source>Previous day (Ctrl+PgUp)</source>
        <translation>前一天（Ctrl+PgUp）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/day_bar.py" line="31"/>
        <source>Previous day</source>
        <translation>前一天</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/day_bar.py" line="45"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/day_bar.py" line="49"/>
        <source>Next day (Ctrl+PgDown)</source>
        <translation>后一天（Ctrl+PgDown）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/day_bar.py" line="50"/>
        <source>Next day</source>
        <translation>后一天</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/day_bar.py" line="52"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/day_bar.py" line="53"/>
        <source>Today (Ctrl+T)</source>
        <translation>今天（Ctrl+T）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/day_bar.py" line="69"/>
        <source>Find container (Ctrl+F)</source>
        <translation>查找箱号（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/day_bar.py" line="70"/>
        <source>Find container</source>
        <translation>查找箱号</translation>
    </message>
</context>
<context>
    <name>DayEdit</name>
    <message>
        <location filename="../../hubapp/ui/date_edits.py" line="69"/>
        <source>There is no {date}: its month has {days} days; {shown} is taken instead.</source>
        <translation>没有 {date} 这一天：该月只有 {days} 天，已改为 {shown}。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/date_edits.py" line="101"/>
        <source>There is no {date}: its month has {days} days.</source>
        <translation>没有 {date} 这一天：该月只有 {days} 天。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/date_edits.py" line="112"/>
        <source>{date} is outside the days this box takes, {first} to {last}.</source>
        <translation>{date} 不在此日期框可接受的范围内（{first} 至 {last}）。</translation>
    </message>
</context>
<context>
    <name>DayServicesModel</name>
    <message>
        <location filename="../../hubapp/ui/daily_log/services_list.py" line="32"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/services_list.py" line="32"/>
        <source>Service</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/services_list.py" line="32"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/services_list.py" line="32"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/services_list.py" line="33"/>
        <source>Containers</source>
        <translation>箱量</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/services_list.py" line="33"/>
        <source>TEU</source>
        <translation>标箱</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/services_list.py" line="51"/>
        <source>Due {due}: {off}, {verdict}</source>
        <translation>计划时间 {due}：{off}，{verdict}</translation>
    </message>
</context>
<context>
    <name>DayState</name>
    <message>
        <location filename="../../hubapp/ui/daily_log/day_state.py" line="49"/>
        <source>Closed by {name} at {time}</source>
        <translation>已由 {name} 于 {time} 关账</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/day_state.py" line="53"/>
        <source>Read-only database</source>
        <translation>只读数据库</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/day_state.py" line="55"/>
        <source>read-only: a supervisor can reopen it</source>
        <translation>只读：主管可重新开账</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/day_state.py" line="64"/>
        <source>Reopen da&amp;y…</source>
        <translation>重新开账(&amp;Y)…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/day_state.py" line="65"/>
        <source>Close da&amp;y</source>
        <translation>关账(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/day_state.py" line="98"/>
        <source>{service} has changes that cannot be saved: {name} closed the day at {time}, and only a supervisor can reopen it.</source>
        <translation>{service} 的修改无法保存：{name} 已于 {time} 关账，只有主管才能重新开账。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/day_state.py" line="117"/>
        <source>{service} has changes that cannot be saved.</source>
        <translation>{service} 的修改无法保存。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/day_state.py" line="133"/>
        <source>Press Revert to drop them.</source>
        <translation>按“还原”放弃这些修改。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/day_state.py" line="171"/>
        <source>Reopen day</source>
        <translation>重新开账</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/day_state.py" line="172"/>
        <source>Why reopen {date}?</source>
        <translation>请说明重新开账（{date}）的原因：</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/day_state.py" line="178"/>
        <source>The day was not reopened: a day is reopened only with a reason.</source>
        <translation>未重新开账：重新开账必须填写原因。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/day_state.py" line="186"/>
        <source>Day close</source>
        <translation>关账</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/day_state.py" line="206"/>
        <source>No service is recorded on this day.</source>
        <translation>该日没有任何班次记录。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/day_state.py" line="209"/>
        <source>%n service(s) still planned ({services}). Once the day is closed, clerks cannot mark a planned service departed or arrived until a supervisor reopens it.</source>
        <translation>
            <numerusform>还有 %n 个班次处于计划状态（{services}）。关账后，录入员无法将计划中的班次标为已发运或已到达，除非主管将该日重新开账。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/day_state.py" line="215"/>
        <source>%n service(s) moved with no containers ({services}): each counts as a train with nothing on it in the day&apos;s totals.</source>
        <translation>
            <numerusform>有 %n 个已发运或已到达的班次没有集装箱（{services}）：每个都会作为一列空车计入当日合计。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/day_state.py" line="218"/>
        <source>Close day</source>
        <translation>关账</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/day_state.py" line="219"/>
        <source>Close {date} anyway?</source>
        <translation>仍要为 {date} 关账吗？</translation>
    </message>
</context>
<context>
    <name>EditMenu</name>
    <message>
        <location filename="../../hubapp/ui/edit_menu.py" line="90"/>
        <location filename="../../hubapp/ui/edit_menu.py" line="186"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/edit_menu.py" line="92"/>
        <location filename="../../hubapp/ui/edit_menu.py" line="188"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/edit_menu.py" line="94"/>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/edit_menu.py" line="96"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/edit_menu.py" line="98"/>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/edit_menu.py" line="185"/>
        <source>&amp;Undo {what}</source>
        <translation>撤销{what}(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/edit_menu.py" line="187"/>
        <source>&amp;Redo {what}</source>
        <translation>重做{what}(&amp;R)</translation>
    </message>
</context>
<context>
    <name>EditorMessages</name>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/editor_messages.py" line="37"/>
        <source>{service} is saved: %n container(s), {teu} TEU.</source>
        <translation>
            <numerusform>{service} 已保存：%n 箱，{teu} 标箱。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/editor_messages.py" line="39"/>
        <source>{service} is saved, with no containers.</source>
        <translation>{service} 已保存，没有集装箱。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/editor_messages.py" line="52"/>
        <source>{service} is saved as planned: its %n container(s) count in the day&apos;s totals once it has departed. Type its actual time when it leaves.</source>
        <translation>
            <numerusform>{service} 已按“计划中”保存：其 %Ln 箱在发车后才计入当日合计。发车时请填写实际时间。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/editor_messages.py" line="56"/>
        <source>{service} is saved as planned: its %n container(s) count in the day&apos;s totals once it has arrived. Type its actual time when it comes in.</source>
        <translation>
            <numerusform>{service} 已按“计划中”保存：其 %Ln 箱在到达后才计入当日合计。到达时请填写实际时间。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/editor_messages.py" line="78"/>
        <source>Not saved: %n problem(s). Fix the red fields and cells.</source>
        <translation>
            <numerusform>未保存：%n 个问题。请修改标红的字段和单元格。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/editor_messages.py" line="90"/>
        <source>Columns not part of the grid were left out: {names}</source>
        <translation>以下列不属于箱表，已忽略：{names}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/editor_messages.py" line="92"/>
        <source>Size-types read as their ISO codes: {codes}.</source>
        <translation>箱型简写已按 ISO 代码填写：{codes}。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/editor_messages.py" line="95"/>
        <source>Pasted %n row(s).</source>
        <translation>
            <numerusform>已粘贴 %n 行。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/editor_messages.py" line="97"/>
        <source>Nothing was pasted: no box rows under the header (blank lines and a total line are left out).</source>
        <translation>未粘贴任何内容：表头下没有箱子行（空行和合计行不计）。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/editor_messages.py" line="100"/>
        <source>Nothing was pasted: no column of it is one of the grid&apos;s.</source>
        <translation>未粘贴任何内容：其中没有一列属于箱表。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/editor_messages.py" line="102"/>
        <source>Nothing changed: the grid holds what was pasted already.</source>
        <translation>没有变化：箱表中已是所粘贴的内容。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="69"/>
        <location filename="../../hubapp/ui/export_dialog.py" line="169"/>
        <source>Export containers</source>
        <translation>导出集装箱</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="91"/>
        <source>CSV (UTF-8)</source>
        <translation>CSV (UTF-8)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="92"/>
        <source>Excel workbook (XLSX)</source>
        <translation>Excel 工作簿 (XLSX)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="57"/>
        <source>The language of the file&apos;s headers, directions, modes, statuses, full/empty and commodity names; import reads either</source>
        <translation>文件的表头、方向、运输方式、状态、空重及货名所用的语言；导入两种都能读取</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="101"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="103"/>
        <source>Ca&amp;ncel export</source>
        <translation>取消导出(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="113"/>
        <source>&amp;From</source>
        <translation>起始日期(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="113"/>
        <source>&amp;To</source>
        <translation>结束日期(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="114"/>
        <source>F&amp;ormat</source>
        <translation>格式(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="35"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="36"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="74"/>
        <source>Day shown</source>
        <translation>当前显示日</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="75"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="76"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="77"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="78"/>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="79"/>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="80"/>
        <source>Last year</source>
        <translation>去年</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="81"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="112"/>
        <source>&amp;Period</source>
        <translation>期间(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="115"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="170"/>
        <source>containers-{first}-{last}</source>
        <translation>集装箱-{first}-{last}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="184"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/export_dialog.py" line="193"/>
        <source>%Ln row(s) written to {path}</source>
        <translation>
            <numerusform>已将 %Ln 行写入 {path}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="196"/>
        <source>The export failed unexpectedly. Details are in the log.</source>
        <translation>导出意外失败。详情见日志。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="198"/>
        <source>Export cancelled; no file was written.</source>
        <translation>导出已取消；未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_dialog.py" line="203"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>ExportStatus</name>
    <message>
        <location filename="../../hubapp/ui/export_status.py" line="49"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_status.py" line="57"/>
        <source>The export failed unexpectedly. Details are in the log.</source>
        <translation>导出意外失败。详情见日志。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/export_status.py" line="59"/>
        <source>Export cancelled; no file was written.</source>
        <translation>导出已取消；未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>FindContainerPanel</name>
    <message>
        <location filename="../../hubapp/ui/daily_log/find_container.py" line="65"/>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/find_container.py" line="68"/>
        <source>Close the moves found</source>
        <translation>关闭查到的箱动态</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/find_container.py" line="97"/>
        <source>Type a container number&apos;s letters and digits, like CSQU3054383.</source>
        <translation>请输入集装箱号的字母和数字，例如 CSQU3054383。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/find_container.py" line="107"/>
        <source>{number} ({typed} with its check digit) is not in the log.</source>
        <translation>记录中没有 {number}（即 {typed} 加上校验位）。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/find_container.py" line="112"/>
        <source>No container is numbered exactly {typed}: type the whole number with its owner code, like CSQU3054383.</source>
        <translation>没有箱号恰为 {typed} 的集装箱：请输入含箱主代码的完整箱号，例如 CSQU3054383。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/find_container.py" line="124"/>
        <source>More than one container number starts with {typed} ({numbers}): type more of it.</source>
        <translation>以 {typed} 开头的箱号不止一个（{numbers}），请多输入几位。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/find_container.py" line="131"/>
        <source>No container number in the log is {typed} or starts with it.</source>
        <translation>记录中没有箱号为 {typed} 或以其开头的集装箱。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/find_container.py" line="145"/>
        <source>{typed}: the check digit should be {digit}, and {number} is not in the log either.</source>
        <translation>{typed}：校验位应为 {digit}，台账中也没有 {number}。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/find_container.py" line="155"/>
        <source>{typed}: the check digit should be {digit} — showing {number}: %n move(s)</source>
        <translation>
            <numerusform>{typed}：校验位应为 {digit}，显示的是 {number}：%n 条箱动态</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/find_container.py" line="158"/>
        <source>{number}: %n move(s)</source>
        <translation>
            <numerusform>{number}：%n 条箱动态</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/find_container.py" line="142"/>
        <source>{number} is not in the log.</source>
        <translation>台账中没有 {number}。</translation>
    </message>
</context>
<context>
    <name>GridDelegate</name>
    <message>
        <location filename="../../hubapp/ui/daily_log/container_grid.py" line="158"/>
        <source>{column}, box {row}</source>
        <translation>{column}，第 {row} 箱</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/container_grid.py" line="221"/>
        <source>Type into %n cell(s)</source>
        <translation>
            <numerusform>输入到 %n 个单元格</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="256"/>
        <location filename="../../hubapp/ui/import_dialog.py" line="436"/>
        <source>Import loading list</source>
        <translation>导入装载清单</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="301"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="302"/>
        <source>A CSV or XLSX file, one row per container</source>
        <translation>CSV 或 XLSX 文件，每个集装箱一行</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="303"/>
        <source>Choose &amp;file…</source>
        <translation>选择文件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="322"/>
        <source>Preview of the file</source>
        <translation>文件预览</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="331"/>
        <source>Columns not recognised, or giving the same field: what do they hold?</source>
        <translation>未识别的列，或对应同一字段的列：它们是什么内容？</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="354"/>
        <source>Skip services and containers already in the database</source>
        <translation>跳过数据库中已有的班次和集装箱</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="404"/>
        <source>&amp;Save problem list…</source>
        <translation>保存问题列表(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="407"/>
        <source>&amp;Add to the list…</source>
        <translation>加入列表(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="409"/>
        <source>Add the commodity or place of the chosen problem to the hub&apos;s list</source>
        <translation>把所选问题中的货名或地点加入枢纽的列表</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="415"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="418"/>
        <source>Ca&amp;ncel import</source>
        <translation>取消导入(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="422"/>
        <source>&amp;Show in the daily log</source>
        <translation>在每日台账中查看(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="294"/>
        <source>Choose a loading list: CSV or XLSX as Excel or WPS save it, with English or Chinese headers. Its first rows are shown above before anything is saved; a file with any bad row saves nothing and lists every problem.</source>
        <translation>请选择装载清单：Excel 或 WPS 保存的 CSV 或 XLSX 文件，表头可为中文或英文。保存之前，上方先显示文件的前几行；只要有一行有误，整个文件都不会保存，并列出所有问题。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="310"/>
        <source>S&amp;heet</source>
        <translation>工作表(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="438"/>
        <source>Loading lists (*.csv *.xlsx *.xlsm *.xls *.txt);;All files (*)</source>
        <translation>装载清单 (*.csv *.xlsx *.xlsm *.xls *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="462"/>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="531"/>
        <source>{name} could not be read; details are in the log.</source>
        <translation>无法读取 {name}；详情见日志。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="549"/>
        <source>Preview of the first rows. Check the columns, then Import.</source>
        <translation>前几行预览。请检查各列，然后点击“导入”。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="559"/>
        <source>Read as {encoding} text.</source>
        <translation>按 {encoding} 编码读取。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="560"/>
        <source>Read from sheet “{sheet}”.</source>
        <translation>读取自工作表“{sheet}”。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="565"/>
        <source>Other sheet(s) not read: {names}.</source>
        <translation>其他工作表未读取：{names}。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="596"/>
        <source>(ignore this column)</source>
        <translation>（忽略此列）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="651"/>
        <source>Column “{header}” read as {field}, as you mapped it before.</source>
        <translation>列“{header}”按您上次的对应读作{field}。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="654"/>
        <source>Columns read as you mapped them before: {columns}.</source>
        <translation>以下列按您上次的对应读取：{columns}。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="655"/>
        <source>“{header}” as {field}</source>
        <translation>“{header}”读作{field}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="670"/>
        <source>The mapping changed: Import to check the file again.</source>
        <translation>列的对应已更改：请点击“导入”重新检查文件。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="775"/>
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="814"/>
        <source>The columns of {name} have changed since it was previewed: check them and the columns mapped by hand above, then Import.</source>
        <translation>{name} 的列在预览后已改变：请检查各列及上方手动对应的列，然后点击“导入”。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="788"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="358"/>
        <source>New containers of a service already in the database are added to that service.</source>
        <translation>数据库中已有班次的新增集装箱会添加到该班次。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="376"/>
        <source>Problems in the file</source>
        <translation>文件中的问题</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="544"/>
        <source>Among the rows previewed: {notes}</source>
        <translation>在预览的行中：{notes}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="545"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="561"/>
        <source>Not read, as an import reads one sheet: {names}. Choose each in Sheet above and import it too; copy a train split over sheets onto one sheet first, as a train is imported whole.</source>
        <translation>未读取（每次导入只读取一个工作表）：{names}。请在上方“工作表”中逐个选择并导入；同一班列分在几个工作表上的，请先把它的各行复制到同一个工作表，因为一个班列须整列导入。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="827"/>
        <source>Closed too late to cancel: the import was already saved.</source>
        <translation>关闭时已来不及取消：导入已经保存。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="832"/>
        <source>Nothing new to import in {name}.</source>
        <translation>{name} 中没有可导入的新数据。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="834"/>
        <source>Imported {services}, {containers}, {teu} TEU.</source>
        <translation>已导入 {services}、{containers}、{teu} 标箱。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/import_dialog.py" line="835"/>
        <source>%Ln service(s)</source>
        <translation>
            <numerusform>%Ln 个班次</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/import_dialog.py" line="836"/>
        <source>%Ln container(s)</source>
        <translation>
            <numerusform>%Ln 个集装箱</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="839"/>
        <source>Of them, {containers} added to {services} already stored.</source>
        <translation>其中 {containers}已添加到已在库中的 {services}。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="844"/>
        <source>Day: {first}.</source>
        <translation>日期：{first}。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="845"/>
        <source>Days: {first} to {last}.</source>
        <translation>日期：{first} 至 {last}。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="849"/>
        <source>Skipped {services} and {containers} already stored.</source>
        <translation>已跳过已存在的 {services}、{containers}。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="851"/>
        <source>Skipped {containers} already stored.</source>
        <translation>已跳过已存在的 {containers}。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="864"/>
        <source>{count} new container(s) in {name} for services already in the database; nothing was saved. Tick “Skip …” to add them to those services.</source>
        <translation>{name} 中有 {count} 个集装箱是数据库中已有班次的新增集装箱；未保存任何数据。勾选“跳过…”即可将其添加到这些班次。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/import_dialog.py" line="872"/>
        <source>%Ln problem(s) in {name}; nothing was saved. A column said to be missing may be one left ignored above: choose its field there and import again. Correct the file for the rest.</source>
        <translation>
            <numerusform>{name} 中有 %Ln 个问题；未保存任何数据。提示缺少的列可能正是上方被忽略的某一列：请在那里为它选择字段，然后重新导入。其余问题请更正文件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/import_dialog.py" line="877"/>
        <source>%Ln problem(s) in {name}; nothing was saved. Correct the file and import it again.</source>
        <translation>
            <numerusform>{name} 中有 %Ln 个问题；未保存任何数据。请更正文件后重新导入。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/import_dialog.py" line="883"/>
        <source>{name} has %Ln value(s) differing from what the database holds, and an import does not change stored data; nothing was saved. Correct the daily log where it is wrong, or leave the row(s) out of the file.</source>
        <translation>
            <numerusform>{name} 中有 %Ln 个值与数据库中已有的不同，而导入不会修改已有数据；未保存任何数据。请在每日台账中改正有误之处，或从文件中删去相应的行。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="890"/>
        <source>Everything in {name} is already in the database; nothing was saved.</source>
        <translation>{name} 中的全部数据已在数据库中；未保存任何数据。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/import_dialog.py" line="894"/>
        <source>%Ln service(s) or container(s) of {name} already in the database, and it holds nothing else; nothing was saved.</source>
        <translation>
            <numerusform>{name} 中有 %Ln 个班次或集装箱已在数据库中，文件中没有其他数据；未保存任何数据。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/import_dialog.py" line="900"/>
        <source>%Ln service(s) or container(s) of {name} already in the database; nothing was saved. Tick “Skip …” to import the rest.</source>
        <translation>
            <numerusform>{name} 中有 %Ln 个班次或集装箱已在数据库中；未保存任何数据。勾选“跳过…”即可导入其余部分。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="922"/>
        <source>Import onto a closed day</source>
        <translation>导入到已关账的日期</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="928"/>
        <source>The import failed unexpectedly; nothing was saved. Details are in the log.</source>
        <translation>导入意外失败；未保存任何数据。详情见日志。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="934"/>
        <source>Import cancelled; nothing was saved.</source>
        <translation>导入已取消；未保存任何数据。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/import_dialog.py" line="976"/>
        <source>Line {line} is past the first %n row(s) the preview shows: the list says what is wrong there</source>
        <translation>
            <numerusform>第 {line} 行不在预览显示的前 %n 行内：问题列表已写明该处的错误</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="1005"/>
        <source>Saved as “{saved}”, which does not match “{text}” in the file: correct the file, or the name in the list, and import again.</source>
        <translation>已保存为“{saved}”，与文件中的“{text}”不符：请更正文件或列表中的名称，然后重新导入。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="1013"/>
        <source>“{name}” is in the list now. Import the file again when the other problems are corrected.</source>
        <translation>“{name}”已加入列表。改正其他问题后请重新导入文件。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="1015"/>
        <source>“{name}” is in the list now. Import the file again.</source>
        <translation>“{name}”已加入列表。请重新导入文件。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="1035"/>
        <source>{name}-problems</source>
        <translation>{name}-问题</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="1036"/>
        <source>problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="1038"/>
        <location filename="../../hubapp/ui/import_dialog.py" line="1046"/>
        <source>Save problem list</source>
        <translation>保存问题列表</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="1039"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>KpiTile</name>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="401"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dashboard.py" line="424"/>
        <source>{title}: {value}</source>
        <translation>{title}：{value}</translation>
    </message>
</context>
<context>
    <name>LazyScreen</name>
    <message>
        <location filename="../../hubapp/ui/lazy_screen.py" line="38"/>
        <source>&amp;Try again</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/lazy_screen.py" line="76"/>
        <source>Could not open this screen: {reason}</source>
        <translation>无法打开此界面：{reason}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="117"/>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="118"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="119"/>
        <source>&amp;Repeat password</source>
        <translation>再次输入密码(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="122"/>
        <source>&amp;Daily train target</source>
        <translation>每日班列目标(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="135"/>
        <source>The hub&apos;s name heads every report, service times are on the clock of its time zone (this computer&apos;s is filled in: choose the hub&apos;s if it differs), and the Dashboard measures the trains of each day against the daily train target (Edit ▸ Settings… changes all three, the name in English and Chinese). The routes and places Hub Desk comes with are the Chongqing hub&apos;s (routes from CNCQI): check them in Reference data ▸ Routes.</source>
        <translation>枢纽名称印在每份报表的页眉上；班次时间一律按枢纽所在时区记录（已填入本机时区；如与枢纽不同，请改选枢纽的时区）；看板将每天的班列数与每日班列目标对比（三者均可在“编辑 ▸ 设置…”中修改，名称可分别设中英文）。枢纽工作台自带的线路和地点是重庆枢纽的（线路均从 CNCQI 出发）：请在“基础数据 ▸ 线路”中核对。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="148"/>
        <source>Hub Desk: create the administrator</source>
        <translation>枢纽工作台：创建管理员</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="107"/>
        <source>e.g. Chongqing International Logistics Hub Park</source>
        <translation>如：重庆国际物流枢纽园区</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="116"/>
        <source>trains a day, e.g. 8</source>
        <translation>每日班列数，如 8</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="120"/>
        <source>&amp;Hub name</source>
        <translation>枢纽名称(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="150"/>
        <source>This database has no users yet. Create the administrator, who adds the clerks and supervisors. The password needs at least {min} characters. {hub_fields}</source>
        <translation>此数据库还没有用户。请创建管理员，由管理员添加录入员和主管。密码至少需要 {min} 个字符。{hub_fields}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="154"/>
        <location filename="../../hubapp/ui/login_dialog.py" line="170"/>
        <source>&amp;Save and log in</source>
        <translation>保存并登录(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="156"/>
        <source>Hub Desk: log in</source>
        <translation>枢纽工作台：登录</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="157"/>
        <source>Who is working at this desk?</source>
        <translation>谁在使用这个工作台？</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="158"/>
        <source>&amp;Log in</source>
        <translation>登录(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="165"/>
        <source>Hub Desk: set up the hub</source>
        <translation>枢纽工作台：设置枢纽</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="167"/>
        <source>Set up the hub before you start: its name, time zone and daily train target have not been chosen yet. {hub_fields}</source>
        <translation>开始工作前请先设置本枢纽：其名称、时区和每日班列目标尚未设定。{hub_fields}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="197"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="258"/>
        <source>Type the hub&apos;s name: it heads every report.</source>
        <translation>请填写枢纽名称：它印在每份报表的页眉上。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="262"/>
        <source>Type the daily train target: the Dashboard measures each day&apos;s trains against it.</source>
        <translation>请填写每日班列目标：看板将每天的班列数与它对比。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="213"/>
        <source>An administrator was just created at another desk: log in with their name and password.</source>
        <translation>另一工作台刚刚创建了管理员：请用该管理员的用户名和密码登录。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="148"/>
        <source>Hub Desk — {name}</source>
        <translation>枢纽工作台 — {name}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="150"/>
        <source>Hub Desk — {name} — {user} (read-only)</source>
        <translation>枢纽工作台 — {name} — {user}（只读）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="151"/>
        <source>Hub Desk — {name} — {user}</source>
        <translation>枢纽工作台 — {name} — {user}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="155"/>
        <source>{title} (demo hub)</source>
        <translation>{title}（演示枢纽）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="178"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="179"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="184"/>
        <source>Daily log</source>
        <translation>每日台账</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="185"/>
        <source>Dashboard</source>
        <translation>看板</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="186"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="192"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="193"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="201"/>
        <source>Demo hub: made-up traffic</source>
        <translation>演示枢纽：数据为虚构</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="262"/>
        <source>Print report</source>
        <translation>打印报表</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="288"/>
        <source>Prin&amp;t report…</source>
        <translation>打印报表(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="300"/>
        <source>S&amp;witch user…</source>
        <translation>切换用户(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="325"/>
        <source>Database is read-only</source>
        <translation>数据库为只读</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="343"/>
        <source>Sett&amp;ings…</source>
        <translation>设置(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="352"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="425"/>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="466"/>
        <source>An admin has made you {role}: the Daily log works as one now, the rest of the window once you log in again (File ▸ Switch user…)</source>
        <translation>管理员已将您的角色改为{role}：在每日台账中已可按{role}权限操作，窗口其余部分需重新登录（文件 ▸ 切换用户…）后才会更新</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="475"/>
        <source>Single-user mode is off</source>
        <translation>单用户模式已关闭</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="476"/>
        <source>Everyone logs in on this hub now. Log in to go on changing data; until then this window only shows it (File ▸ Switch user… logs in later).</source>
        <translation>现在本枢纽的每个人都需要登录。请登录后再修改数据；在此之前，此窗口只能查看数据（稍后可通过“文件 ▸ 切换用户…”登录）。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="513"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="514"/>
        <source>In a service&apos;s fields, Enter goes on to the next as Tab does and Shift+Enter back, a place&apos;s suggestion taken as Tab takes it; in an open drop-down list, Enter picks. In the container grid, as in a spreadsheet: Tab goes across, Enter down and Shift+Enter up; Left and Right leave a cell being typed in, and F2 or a double-click edits in a cell&apos;s text, where they move the cursor (F2 switches); Ctrl+C, Ctrl+X and Ctrl+V copy, cut and paste cells or whole rows (from Excel or WPS too, with or without their header row), and one cell pasted over a selection fills every selected cell; Ctrl+D fills down; Shift+Space picks whole rows and Ctrl+Space whole columns; Delete clears the cells picked, Ctrl+Delete removes their rows; the Edit menu and a right-click on the grid offer these with their keys. In the day&apos;s list of services, a service number typed picks it, Enter goes on to the boxes of the one picked, and Delete deletes it, asking first. On the Dashboard, Tab goes on from a chart&apos;s tab to its chart, framed, where Ctrl+C copies it and Enter shows its numbers. Alt and a field&apos;s or button&apos;s underlined letter go to it.

The language (English or 中文) is chosen in Edit ▸ Settings…; a sample loading list, to try File ▸ Import… on a demo or trial database, is in {samples} (the Chongqing hub&apos;s train of 2026-03-05, which a real hub&apos;s records should not hold).</source>
        <translation>在班次的各字段中，Enter 与 Tab 一样转到下一个字段，Shift+Enter 转回上一个字段；地点有建议显示时，会像 Tab 一样先采用建议；在展开的下拉列表中按 Enter 则选中该项。箱表的操作与电子表格相同：Tab 横向移动，Enter 向下移动，Shift+Enter 向上移动；在正在输入的单元格中，左、右方向键会移到相邻单元格，按 F2 或双击则在单元格的文字中编辑，方向键在文字中移动光标（按 F2 可切换）；Ctrl+C、Ctrl+X 和 Ctrl+V 复制、剪切、粘贴单元格或整行（也可粘贴从 Excel 或 WPS 复制的内容，带不带表头行均可），把一个单元格粘贴到选中的多个单元格上会填满每个选中的单元格；Ctrl+D 向下填充；Shift+空格键选中整行，Ctrl+空格键选中整列；Delete 清空所选单元格，Ctrl+Delete 删除所选行；“编辑”菜单和箱表的右键菜单中也有这些操作，并注明了各自的快捷键。在当天的班次列表中输入班次号可选中该班次，按 Enter 可转到所选班次的箱表，按 Delete 可删除该班次（会先询问）。在“看板”中，从图表的标签页按 Tab 可转到图表本身（带边框标示），在图表上按 Ctrl+C 复制图表，按 Enter 显示其数据。按 Alt 加字段或按钮上带下划线的字母可直接转到该处。

界面语言（English 或中文）在“编辑 ▸ 设置…”中选择；装载清单样例位于 {samples}，用于在演示或试用数据库上试用“文件 ▸ 导入…”（这是重庆枢纽 2026-03-05 的班列，不应进入真实枢纽的记录）。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="546"/>
        <source>{day}: {totals}</source>
        <translation>{day}：{totals}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="566"/>
        <source>Database moved away</source>
        <translation>数据库已不在原处</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="567"/>
        <source>Database {path} is no longer where this desk opened it: it was moved, renamed, deleted or replaced, or its folder cannot be reached. Nothing can be saved here until it is back. Note any changes not saved yet, and start Hub Desk again on the database where it is now.</source>
        <translation>数据库 {path} 已不在本工作台打开它时的位置：它已被移动、重命名、删除或替换，或其所在文件夹无法访问。在它回到原处之前，本工作台无法保存任何内容。请记下尚未保存的修改，然后在数据库现在所在的位置重新启动枢纽工作台。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="188"/>
        <source>All movements</source>
        <translation>全部箱动态</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="191"/>
        <source>Reference data</source>
        <translation>基础数据</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="280"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="282"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="329"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="180"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="147"/>
        <source>Hub Desk — {name} (read-only)</source>
        <translation>枢纽工作台 — {name}（只读）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="293"/>
        <source>&amp;Connect to server…</source>
        <translation>连接服务器(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="295"/>
        <source>Use a &amp;local file…</source>
        <translation>使用本地文件(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="298"/>
        <source>Change my &amp;password…</source>
        <translation>修改我的密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="351"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="354"/>
        <source>&amp;About Hub Desk</source>
        <translation>关于枢纽工作台(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="52"/>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="53"/>
        <source>Type your current password, then the new one twice (at least {min} characters).</source>
        <translation>请输入当前密码，再输入两次新密码（至少 {min} 个字符）。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="402"/>
        <source>Your password was changed.</source>
        <translation>您的密码已修改。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/app.py" line="301"/>
        <source>Use a local file</source>
        <translation>使用本地文件</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/app.py" line="302"/>
        <source>Hub Desk databases (*.db);;All files (*)</source>
        <translation>枢纽工作台数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/app.py" line="311"/>
        <source>Hub Desk cannot open the database</source>
        <translation>枢纽工作台无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="538"/>
        <source>About Hub Desk</source>
        <translation>关于枢纽工作台</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/main_window.py" line="539"/>
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
    <name>MovesBrowseModel</name>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="103"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="103"/>
        <source>Service</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="103"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="103"/>
        <source>Route</source>
        <translation>线路</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="104"/>
        <source>Container</source>
        <translation>箱号</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="104"/>
        <source>Size-type</source>
        <translation>箱型</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="104"/>
        <source>F/E</source>
        <translation>空重</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="105"/>
        <source>Gross kg</source>
        <translation>毛重（千克）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="105"/>
        <source>Commodity</source>
        <translation>货名</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="105"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/browse_screen.py" line="112"/>
        <source>This column does not sort: sort by Date, Service, Container or Gross kg</source>
        <translation>此列不能排序：可按日期、班次、箱号或毛重（千克）排序</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="297"/>
        <source>&amp;Current password</source>
        <translation>当前密码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="300"/>
        <source>&amp;New password</source>
        <translation>新密码(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="301"/>
        <source>&amp;Repeat new password</source>
        <translation>再次输入新密码(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/login_dialog.py" line="308"/>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>PlaceForm</name>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="356"/>
        <source>&amp;UN/LOCODE</source>
        <translation>UN/LOCODE(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="358"/>
        <source>&amp;English name</source>
        <translation>英文名称(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="359"/>
        <source>Chinese &amp;name</source>
        <translation>中文名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="361"/>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="368"/>
        <source>the first two letters of the UN/LOCODE</source>
        <translation>取 UN/LOCODE 的前两个字母</translation>
    </message>
</context>
<context>
    <name>PlaceOrRouteTab</name>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="675"/>
        <source>De&amp;lete…</source>
        <translation>删除(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="692"/>
        <source>Delete place</source>
        <translation>删除地点</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="693"/>
        <source>Delete the place {code} ({name})? It leaves the list for good; the audit log keeps what it was.</source>
        <translation>删除地点 {code}（{name}）？它将从列表中永久移除；审计日志会保留其原有信息。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="696"/>
        <source>Delete route</source>
        <translation>删除线路</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="697"/>
        <source>Delete the route {code} ({name})? It leaves the list for good; the audit log keeps what it was.</source>
        <translation>删除线路 {code}（{name}）？它将从列表中永久移除；审计日志会保留其原有信息。</translation>
    </message>
</context>
<context>
    <name>PlacesModel</name>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="74"/>
        <source>UN/LOCODE</source>
        <translation>UN/LOCODE</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="74"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="74"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="74"/>
        <source>Country</source>
        <translation>国家</translation>
    </message>
</context>
<context>
    <name>PlanDayDialog</name>
    <message>
        <location filename="../../hubapp/ui/daily_log/plan_dialog.py" line="31"/>
        <source>{service} — already on this day</source>
        <translation>{service}——本日已有</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/plan_dialog.py" line="44"/>
        <source>Already on this day: it cannot be planned again.</source>
        <translation>已在这一天：不能再次计划。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/plan_dialog.py" line="50"/>
        <source>Tick &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/plan_dialog.py" line="51"/>
        <source>&amp;Untick all</source>
        <translation>全不选(&amp;U)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hubapp/ui/daily_log/plan_dialog.py" line="99"/>
        <source>&amp;Plan %n service(s)</source>
        <translation>
            <numerusform>安排 %n 个班次(&amp;P)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="145"/>
        <source>{field} (outbound only)</source>
        <translation>{field}（仅去程）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="147"/>
        <source>{field} (inbound only)</source>
        <translation>{field}（仅回程）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="149"/>
        <source>{field} (departure outbound, arrival inbound)</source>
        <translation>{field}（去程为发车，回程为到达）</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="223"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="223"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="223"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/import_dialog.py" line="223"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>ReferenceForm</name>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="242"/>
        <source>e.g. {example}</source>
        <translation>例如 {example}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="264"/>
        <source>{field}: the text typed has {length} characters and a name may have at most {max}; only its first {kept} character(s) could be entered</source>
        <translation>{field}：输入的文本有 {length} 个字符，名称最多 {max} 个字符；只输入了前 {kept} 个字符</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="266"/>
        <source>{field}: the text pasted has {length} characters and a name may have at most {max}; only its first {kept} character(s) could be pasted</source>
        <translation>{field}：粘贴的文本有 {length} 个字符，名称最多 {max} 个字符；只粘贴了前 {kept} 个字符</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="270"/>
        <source>{field} is full: a name may have at most {max} characters; nothing was entered</source>
        <translation>{field}已满：名称最多 {max} 个字符，未输入任何内容</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="272"/>
        <source>{field} is full: a name may have at most {max} characters; nothing was pasted</source>
        <translation>{field}已满：名称最多 {max} 个字符，未粘贴任何内容</translation>
    </message>
</context>
<context>
    <name>ReferenceFormDialog</name>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="453"/>
        <source>New commodity</source>
        <translation>新货名</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="454"/>
        <source>Edit commodity</source>
        <translation>编辑货名</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="455"/>
        <source>New place</source>
        <translation>新地点</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="455"/>
        <source>Edit place</source>
        <translation>编辑地点</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="456"/>
        <source>New route</source>
        <translation>新线路</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="456"/>
        <source>Edit route</source>
        <translation>编辑线路</translation>
    </message>
</context>
<context>
    <name>ReferenceScreen</name>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="855"/>
        <source>Commodities</source>
        <translation>货名</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="856"/>
        <source>Places</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="856"/>
        <source>Routes</source>
        <translation>线路</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="860"/>
        <source>Read-only: only supervisors and admins can change reference data.</source>
        <translation>只读：只有主管和管理员可以修改基础数据。</translation>
    </message>
</context>
<context>
    <name>ReferenceTab</name>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="511"/>
        <source>Search English, Chinese or code…</source>
        <translation>搜索英文、中文或代码…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="543"/>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="546"/>
        <source>E&amp;dit…</source>
        <translation>编辑(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="549"/>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <location filename="../../hubapp/ui/reports_screen.py" line="66"/>
        <source>Daily summary</source>
        <translation>每日汇总</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reports_screen.py" line="67"/>
        <source>Monthly report</source>
        <translation>月度报表</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reports_screen.py" line="68"/>
        <source>Period report</source>
        <translation>期间报表</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reports_screen.py" line="84"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reports_screen.py" line="93"/>
        <source>&amp;Try again</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reports_screen.py" line="95"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reports_screen.py" line="96"/>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reports_screen.py" line="99"/>
        <source>Print the report ({keys})</source>
        <translation>打印报表（{keys}）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reports_screen.py" line="109"/>
        <source>Preview of the report</source>
        <translation>报表预览</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reports_screen.py" line="112"/>
        <source>First day of the period</source>
        <translation>期间起始日期</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reports_screen.py" line="113"/>
        <source>Last day of the period</source>
        <translation>期间结束日期</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reports_screen.py" line="116"/>
        <source>&amp;Report</source>
        <translation>报表(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reports_screen.py" line="173"/>
        <source>Month of the report</source>
        <translation>报表月份</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reports_screen.py" line="174"/>
        <source>Day of the report</source>
        <translation>报表日期</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reports_screen.py" line="217"/>
        <source>Not done: another report was chosen while this one was being prepared.</source>
        <translation>未执行：生成此报表期间已选择了另一份报表。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reports_screen.py" line="264"/>
        <source>Preparing…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reports_screen.py" line="256"/>
        <source>Could not make the report: {reason}</source>
        <translation>无法生成报表：{reason}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reports_screen.py" line="265"/>
        <source>Preparing… {action} follows when it is ready</source>
        <translation>正在生成…生成后即{action}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reports_screen.py" line="279"/>
        <source>The Daily log has unsaved changes to {day}: they are not in this report</source>
        <translation>每日台账中{day}的修改尚未保存：本报表不包含这些修改</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reports_screen.py" line="315"/>
        <location filename="../../hubapp/ui/reports_screen.py" line="321"/>
        <location filename="../../hubapp/ui/reports_screen.py" line="338"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reports_screen.py" line="354"/>
        <source>Save report as PDF</source>
        <translation>将报表另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reports_screen.py" line="356"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reports_screen.py" line="349"/>
        <location filename="../../hubapp/ui/reports_screen.py" line="358"/>
        <location filename="../../hubapp/ui/reports_screen.py" line="367"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
</context>
<context>
    <name>RouteForm</name>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="384"/>
        <source>C&amp;ode</source>
        <translation>代码(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="386"/>
        <source>&amp;English name</source>
        <translation>英文名称(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="387"/>
        <source>Chinese &amp;name</source>
        <translation>中文名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="392"/>
        <source>&amp;Mode</source>
        <translation>运输方式(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="393"/>
        <source>Country codes (&amp;like CN,LA)</source>
        <translation>国家代码（如 CN,LA）(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="395"/>
        <source>O&amp;rigin</source>
        <translation>始发地(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="396"/>
        <source>&amp;Destination</source>
        <translation>目的地(&amp;D)</translation>
    </message>
</context>
<context>
    <name>RoutesModel</name>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="82"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="82"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="82"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="82"/>
        <source>Mode</source>
        <translation>运输方式</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="83"/>
        <source>Origin</source>
        <translation>始发地</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="83"/>
        <source>Destination</source>
        <translation>目的地</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/reference_screen.py" line="83"/>
        <source>Country codes</source>
        <translation>国家代码</translation>
    </message>
</context>
<context>
    <name>RowProblemsLabel</name>
    <message>
        <location filename="../../hubapp/ui/daily_log/container_grid.py" line="1131"/>
        <source>Row {number}: {problems}</source>
        <translation>第 {number} 行：{problems}</translation>
    </message>
</context>
<context>
    <name>ServiceForm</name>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="136"/>
        <source>e.g. {example}</source>
        <translation>如 {example}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="186"/>
        <source>&amp;Service no.</source>
        <translation>班次号(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="186"/>
        <source>D&amp;irection</source>
        <translation>方向(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="187"/>
        <source>&amp;Mode</source>
        <translation>运输方式(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="189"/>
        <source>S&amp;tatus</source>
        <translation>状态(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="187"/>
        <source>R&amp;oute</source>
        <translation>线路(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="189"/>
        <source>&amp;Wagons</source>
        <translation>车皮数(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="190"/>
        <source>Ori&amp;gin</source>
        <translation>始发地(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="190"/>
        <source>&amp;Destination</source>
        <translation>目的地(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="188"/>
        <source>Sched&amp;uled</source>
        <translation>计划时间(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="188"/>
        <source>&amp;Actual</source>
        <translation>实际时间(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="203"/>
        <source>Remar&amp;ks</source>
        <translation>备注(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="285"/>
        <source>UN/LOCODE or name</source>
        <translation>UN/LOCODE 或地名</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="298"/>
        <source>HH:MM (+1)</source>
        <translation>时:分 (+1)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="299"/>
        <source>HH:MM on the service&apos;s day, HH:MM +1 on the next, or YYYY-MM-DD HH:MM</source>
        <translation>班次当日填 时:分，次日填 时:分 +1，其他日期填 YYYY-MM-DD 时:分</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="444"/>
        <source>{off}, {verdict}</source>
        <translation>{off}，{verdict}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="562"/>
        <source>{service} (outbound) is still planned on {date}. If this is that train, open it there and mark it departed.</source>
        <translation>{service}（去程）在 {date} 仍为“计划中”。如果就是该班列，请在那天打开它并标为已发运。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="565"/>
        <source>{service} (inbound) is still planned on {date}. If this is that train, open it there and mark it arrived.</source>
        <translation>{service}（回程）在 {date} 仍为“计划中”。如果就是该班列，请在那天打开它并标为已到达。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="570"/>
        <source>Open {day}&apos;s {service}</source>
        <translation>打开{day}的 {service}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="95"/>
        <location filename="../../hubapp/ui/settings_dialog.py" line="467"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="131"/>
        <source>This hub (shared by every desk)</source>
        <translation>本枢纽（所有工作台共用）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="140"/>
        <source>Heads every report, printed at any desk: the image is kept in the hub&apos;s database (scaled down to {most} pixels if larger), so the file itself is no longer needed.</source>
        <translation>印在每份报表的页眉，任何工作台打印都有：图片保存在本枢纽的数据库中（大于 {most} 像素时会缩小），原文件不再需要。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="145"/>
        <source>Choose logo…</source>
        <translation>选择标志…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="149"/>
        <source>&amp;Logo for reports</source>
        <translation>报表标志(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="155"/>
        <source>The report logo at {path} could not be read when this hub was upgraded; choose it again.</source>
        <translation>升级此枢纽时无法读取位于 {path} 的报表标志，请重新选择。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="164"/>
        <source>&amp;Daily train target</source>
        <translation>每日班列目标(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="172"/>
        <source>&amp;A 45 ft container counts</source>
        <translation>45 英尺箱计为(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/zone_field.py" line="17"/>
        <source>Hub&apos;s time &amp;zone</source>
        <translation>枢纽时区(&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/zone_field.py" line="23"/>
        <source>Empty: this computer&apos;s zone ({zone})</source>
        <translation>未填则用本机时区（{zone}）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/zone_field.py" line="25"/>
        <source>The zone of the hub&apos;s wall clock, which service times are on: a train may be saved or imported as departed or arrived once this clock has reached its time, at every desk and server, whatever zone the computer is set to</source>
        <translation>枢纽当地时间所用的时区，班次时间均按此记录：按当地时间到点后，班次才能保存或导入为“已发运”或“已到达”；各工作台和服务器都以此为准，不论电脑设为哪个时区</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="201"/>
        <source>&amp;Paper size</source>
        <translation>纸张大小(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="208"/>
        <source>Lan&amp;guage (after a restart)</source>
        <translation>界面语言（重启后生效）(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="216"/>
        <source>Choose backup folder…</source>
        <translation>选择备份文件夹…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="218"/>
        <source>&amp;Backup folder</source>
        <translation>备份文件夹(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="223"/>
        <source>The folder saved before, “{folder}”, is not a full path, so the backups go to {default}. Type a full path or choose a folder to back up elsewhere.</source>
        <translation>之前保存的文件夹“{folder}”不是完整路径，因此备份保存在 {default}。如需备份到别处，请输入完整路径或选择文件夹。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="233"/>
        <source>Images ({patterns})</source>
        <translation>图片（{patterns}）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="255"/>
        <source>{file} cannot be the logo: it is not an image Hub Desk reads ({reason}). Choose a PNG, JPEG or SVG file.</source>
        <translation>{file} 不能用作标志：它不是枢纽工作台能读取的图片（{reason}）。请选择 PNG、JPEG 或 SVG 文件。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="274"/>
        <source>Not an image: choose another or remove it</source>
        <translation>不是图片：请另选一个或将其移除</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="275"/>
        <source>No logo</source>
        <translation>无标志</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="143"/>
        <location filename="../../hubapp/ui/settings_dialog.py" line="215"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="133"/>
        <source>&amp;Hub name (English)</source>
        <translation>枢纽名称（英文）(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="135"/>
        <source>Hub &amp;name (Chinese)</source>
        <translation>枢纽名称（中文）(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="147"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="174"/>
        <source>&amp;On time within ± (minutes)</source>
        <translation>正点范围 ±（分钟）(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="232"/>
        <location filename="../../hubapp/ui/settings_dialog.py" line="257"/>
        <source>Logo for reports</source>
        <translation>报表标志</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="72"/>
        <source>{teu} TEU</source>
        <translation>{teu} 标箱</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="170"/>
        <source>Applies to containers entered from now on; history keeps the TEU it was entered with</source>
        <translation>只用于今后录入的集装箱；历史记录保留录入时的标箱数</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="181"/>
        <source>Only supervisors and admins can change the hub&apos;s settings</source>
        <translation>只有主管和管理员可以修改枢纽设置</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="193"/>
        <source>This desk</source>
        <translation>本工作台</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="197"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="197"/>
        <source>Letter</source>
        <translation>Letter（信纸）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="203"/>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="252"/>
        <source>{file} is {width}×{height} pixels, too large for Hub Desk to read: save it smaller and choose it again.</source>
        <translation>{file} 为 {width}×{height} 像素，太大，枢纽工作台无法读取：请将其另存为较小的图片后再选择。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="313"/>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="355"/>
        <source>Counting again which services were on time, over the whole history…</source>
        <translation>正在按新的正点容差重新统计全部历史中的正点班次…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="359"/>
        <source>Counting again the punctuality and dwell over the clock changes of {zone}: on years of history this takes a minute…</source>
        <translation>正在按 {zone} 的时钟调整（如夏令时）重新统计正点率和堆存时间：历史数据多达数年时约需一分钟…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="382"/>
        <source>Change the hub&apos;s time zone</source>
        <translation>更改枢纽时区</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="383"/>
        <source>The services already stored keep their times as the clock read them: a train logged at 08:00 stays at 08:00, read on the clock of {zone} from now on, not moved to it, and punctuality and dwell are counted again by its clock changes. Change the zone only if the hub&apos;s clock was set to the wrong one.

Change it?</source>
        <translation>已保存的班次保留当时时钟所记的时间：记为 08:00 的班列仍是 08:00，今后按 {zone} 的时钟读取，不会换算到该时区；正点率和堆存时间将按该时区的时钟调整（如夏令时）重新计算。仅当枢纽时钟的时区原本设错时才应更改。

确定更改吗？</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="438"/>
        <source>The settings could not be saved: {reason}</source>
        <translation>设置未能保存：{reason}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="468"/>
        <source>The new language applies when Hub Desk is started again.</source>
        <translation>新的界面语言将在重新启动枢纽工作台后生效。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="478"/>
        <source>it could not be written</source>
        <translation>无法写入该文件</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/settings_dialog.py" line="479"/>
        <source>Cannot save this desk&apos;s settings in {file}: {reason}</source>
        <translation>无法将本工作台的设置保存到 {file}：{reason}</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="36"/>
        <source>Name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="36"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="36"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="36"/>
        <source>Locked out</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="40"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="40"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="45"/>
        <source>until {time}</source>
        <translation>至 {time}</translation>
    </message>
</context>
<context>
    <name>UsersScreen</name>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="39"/>
        <source>Clerk</source>
        <translation>录入员</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="40"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="41"/>
        <source>Admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="136"/>
        <source>New user</source>
        <translation>新用户</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="146"/>
        <source>Picked user</source>
        <translation>所选用户</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="188"/>
        <source>{name} unlocked: they can log in with their password again.</source>
        <translation>已解锁 {name}：可用原密码重新登录。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="223"/>
        <source>No users yet: in single-user mode this desk starts without a login and works as “{name}”, an admin. To have people log in, add them here (an admin among them) and untick single-user mode.</source>
        <translation>还没有用户：单用户模式下，本工作台启动时无需登录，以管理员“{name}”的身份工作。若要求登录，请在此添加用户（其中至少一名管理员），然后取消勾选单用户模式。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="287"/>
        <source>The two passwords differ: type {name}&apos;s password twice.</source>
        <translation>两次输入的密码不一致：请为 {name} 输入两遍相同的密码。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="323"/>
        <source>Set password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="335"/>
        <source>Single-user mode is on; it applies at the next start.</source>
        <translation>单用户模式已开启；下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="336"/>
        <source>Single-user mode is off: everyone logs in.</source>
        <translation>单用户模式已关闭：每个人都需要登录。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="299"/>
        <source>{name} added.</source>
        <translation>已添加 {name}。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="178"/>
        <source>{name} is now {role}.</source>
        <translation>{name} 现在是{role}。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="318"/>
        <source>A new password for {name}, at least {min} characters. They can change it themselves with File ▸ Change my password….</source>
        <translation>为 {name} 设置新密码，至少 {min} 个字符。对方之后可通过“文件 ▸ 修改我的密码…”自行修改。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="313"/>
        <location filename="../../hubapp/ui/users_screen.py" line="327"/>
        <source>Password of {name} changed.</source>
        <translation>{name} 的密码已修改。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="83"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="112"/>
        <source>&amp;Add user</source>
        <translation>添加用户(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="114"/>
        <source>&amp;Set role</source>
        <translation>设置角色(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="115"/>
        <source>Set pass&amp;word…</source>
        <translation>设置密码(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="117"/>
        <location filename="../../hubapp/ui/users_screen.py" line="272"/>
        <source>Deac&amp;tivate</source>
        <translation>停用(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="119"/>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="125"/>
        <source>Single-user &amp;mode (no login at start)</source>
        <translation>单用户模式（启动时无需登录）(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="137"/>
        <source>&amp;Name</source>
        <translation>用户名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="142"/>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="143"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="144"/>
        <source>Repeat passw&amp;ord</source>
        <translation>再次输入密码(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="147"/>
        <source>Ro&amp;le</source>
        <translation>角色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="190"/>
        <source>{name} unlocked: they can log in with their password once activated.</source>
        <translation>已解锁 {name}：账户启用后即可用原密码登录。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="273"/>
        <source>Ac&amp;tivate</source>
        <translation>启用(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="320"/>
        <source>A new password for {name}, at least {min} characters, for when they are activated: deactivated, they cannot log in.</source>
        <translation>为 {name} 设置新密码，至少 {min} 个字符，供账户启用后使用：停用期间无法登录。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="342"/>
        <source>Single-user mode</source>
        <translation>单用户模式</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="345"/>
        <source>At the next start, every desk on this database opens without a login, as an admin named after the computer&apos;s account (here: {name}): anyone at any desk may then do anything, including restoring a backup and managing users.

Turn single-user mode on?</source>
        <translation>下次启动时，使用此数据库的每个工作台都将无需登录直接打开，并以计算机账户名（此处为：{name}）作为管理员身份：任何工作台上的任何人都可以执行任何操作，包括恢复备份和管理用户。

要开启单用户模式吗？</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="356"/>
        <source>From now on every desk on this database asks who is working. Only an admin can turn single-user mode on again or manage users; the active admins are: {admins}.

Turn single-user mode off?</source>
        <translation>从现在起，使用此数据库的每个工作台都需要登录。只有管理员才能重新开启单用户模式或管理用户；已启用的管理员有：{admins}。

要关闭单用户模式吗？</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="234"/>
        <source>Only an admin can change users.</source>
        <translation>只有管理员可以管理用户。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="184"/>
        <source>{name} activated.</source>
        <translation>已启用 {name}。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/users_screen.py" line="183"/>
        <source>{name} deactivated.</source>
        <translation>已停用 {name}。</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../hubapp/ui/app.py" line="157"/>
        <location filename="../../hubapp/ui/app.py" line="279"/>
        <source>Hub Desk cannot open the database</source>
        <translation>枢纽工作台无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/app.py" line="217"/>
        <source>{problem}

Make a new demo hub in its place? What the file holds now is lost.</source>
        <translation>{problem}

在原处新建一个演示枢纽吗？该文件现有的内容将丢失。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/app.py" line="242"/>
        <source>Making a demo hub of made-up traffic to try Hub Desk on. This takes a few seconds.</source>
        <translation>正在创建演示枢纽（数据为虚构），用于试用枢纽工作台。需要几秒钟。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/app.py" line="244"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/app.py" line="265"/>
        <source>Hub Desk cannot make the demo hub</source>
        <translation>枢纽工作台无法创建演示枢纽</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/app.py" line="280"/>
        <source>{path}, the database this desk used last, is not there: it may have been moved or renamed. Choose where it is now.</source>
        <translation>本工作台上次使用的数据库 {path} 已不在原处：可能已被移动或改名。请选择它现在的位置。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/app.py" line="332"/>
        <source>Upgrading {name} for this version of Hub Desk. A copy of it is kept first; on years of history this takes a minute or two.</source>
        <translation>正在将 {name} 升级到此版本的枢纽工作台。会先保留一份副本；如有多年的历史数据，约需一两分钟。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/app.py" line="359"/>
        <source>{name} was upgraded for this version of Hub Desk. The file as it was is kept as {kept}.</source>
        <translation>{name} 已升级到此版本的枢纽工作台。升级前的文件已保存为 {kept}。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/app.py" line="386"/>
        <source>{path} can be read but not saved to: the server holds it read-only (a standby server, or a database set to only read). Nothing typed in this window can be saved; ask the hub&apos;s IT to make it writable, or connect to the main server, to record changes.</source>
        <translation>{path} 可以读取但无法保存：服务器将其设为只读（备用服务器，或设为只读的数据库）。在此窗口中输入的任何内容都无法保存；请枢纽的 IT 人员将其设为可写，或改连主服务器，才能记录更改。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/app.py" line="398"/>
        <source>{path} can be read but not saved to: the file and its folder {part} are read-only for this user. Nothing typed in this window can be saved; make both writable and open it again to record changes.</source>
        <translation>{path} 可以读取但无法保存：对当前用户而言，该文件及其所在文件夹 {part} 都是只读的。在此窗口中输入的内容都无法保存；请将两者都设为可写，然后重新打开以记录更改。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/app.py" line="403"/>
        <source>{path} can be read but not saved to: its folder {part} is read-only for this user, and SQLite keeps its -wal and -shm files beside it. Nothing typed in this window can be saved; make the folder writable and open the database again to record changes.</source>
        <translation>{path} 可以读取但无法保存：对当前用户而言，其所在文件夹 {part} 是只读的，而 SQLite 要在数据库旁边保存它的 -wal 和 -shm 文件。在此窗口中输入的内容都无法保存；请将该文件夹设为可写，然后重新打开数据库以记录更改。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/app.py" line="409"/>
        <source>{path} can be read but not saved to: the file is read-only for this user (its folder is writable). Nothing typed in this window can be saved; make the file writable and open it again to record changes.</source>
        <translation>{path} 可以读取但无法保存：对当前用户而言，该文件是只读的（其所在文件夹可写）。在此窗口中输入的内容都无法保存；请将该文件设为可写，然后重新打开以记录更改。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/app.py" line="414"/>
        <source>{path} can be read but not saved to: {part}, which SQLite keeps beside it, is read-only. Nothing typed in this window can be saved; make {part} writable and open the database again to record changes.</source>
        <translation>{path} 可以读取但无法保存：SQLite 保存在它旁边的 {part} 是只读的。在此窗口中输入的内容都无法保存；请将 {part} 设为可写，然后重新打开数据库以记录更改。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/app.py" line="374"/>
        <source>Database is read-only</source>
        <translation>数据库为只读</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/app.py" line="216"/>
        <location filename="../../hubapp/ui/app.py" line="245"/>
        <location filename="../../hubapp/ui/app.py" line="336"/>
        <location filename="../../hubapp/ui/app.py" line="359"/>
        <location filename="../../hubapp/ui/app.py" line="474"/>
        <location filename="../../hubapp/ui/translations.py" line="48"/>
        <source>Hub Desk</source>
        <translation>枢纽工作台</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/app.py" line="480"/>
        <source>Hub Desk: unexpected error</source>
        <translation>枢纽工作台：意外错误</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/app.py" line="481"/>
        <source>Something went wrong and was not saved. The details are in the log:
{log}

{error}</source>
        <translation>出现错误，本次操作未保存。详细信息见日志：
{log}

{error}</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <location filename="../../hubapp/cli/common.py" line="34"/>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/common.py" line="35"/>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/common.py" line="36"/>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/common.py" line="37"/>
        <source>show this help message and exit</source>
        <translation>显示此帮助并退出</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/common.py" line="38"/>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/common.py" line="39"/>
        <location filename="../../hubapp/cli/parser.py" line="433"/>
        <source>the following arguments are required: %s</source>
        <translation>缺少必需的参数：%s</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/__init__.py" line="83"/>
        <location filename="../../hubapp/cli/common.py" line="40"/>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/common.py" line="41"/>
        <source>expected one argument</source>
        <translation>需要一个参数值</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/common.py" line="42"/>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/common.py" line="43"/>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选项：“%(value)s”（可选：%(choices)s）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/common.py" line="44"/>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>选项不明确：%(option)s 可匹配 %(matches)s</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/common.py" line="45"/>
        <source>not allowed with argument %s</source>
        <translation>不能与参数 %s 同时使用</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <location filename="../../hubapp/cli/users.py" line="31"/>
        <location filename="../../hubapp/ui/audit_screen.py" line="57"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/users.py" line="31"/>
        <location filename="../../hubapp/ui/audit_screen.py" line="58"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="178"/>
        <source>create</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="178"/>
        <source>update</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="179"/>
        <source>delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="179"/>
        <source>import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="180"/>
        <source>close</source>
        <translation>关账</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="180"/>
        <source>reopen</source>
        <translation>重新开账</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="181"/>
        <source>retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="181"/>
        <source>unretire</source>
        <translation>恢复使用</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="182"/>
        <source>merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="182"/>
        <source>set password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="183"/>
        <source>lock out</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="183"/>
        <source>unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="184"/>
        <source>service</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="185"/>
        <source>day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="185"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="186"/>
        <source>commodity</source>
        <translation>货名</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="186"/>
        <source>place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="187"/>
        <source>route</source>
        <translation>线路</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="187"/>
        <source>setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="188"/>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="188"/>
        <source>service_no</source>
        <translation>班次号</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="189"/>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="189"/>
        <source>direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="190"/>
        <source>mode</source>
        <translation>运输方式</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="190"/>
        <source>route_code</source>
        <translation>线路代码</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="191"/>
        <source>origin</source>
        <translation>始发地</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="191"/>
        <source>destination</source>
        <translation>目的地</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="192"/>
        <source>scheduled_at</source>
        <translation>计划时间</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="192"/>
        <source>actual_at</source>
        <translation>实际时间</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="193"/>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="193"/>
        <source>wagons</source>
        <translation>车皮数</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="194"/>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="194"/>
        <source>containers</source>
        <translation>箱量</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="195"/>
        <source>containers added</source>
        <translation>新增箱</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="196"/>
        <source>containers removed</source>
        <translation>移除箱</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="196"/>
        <source>hs_code</source>
        <translation>HS 编码</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="197"/>
        <source>name_en</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="197"/>
        <source>name_zh</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="198"/>
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="198"/>
        <source>perishable</source>
        <translation>易腐</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="199"/>
        <source>retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="199"/>
        <source>locode</source>
        <translation>UN/LOCODE</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="200"/>
        <source>country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="200"/>
        <source>code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="201"/>
        <source>countries</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="201"/>
        <source>closed_at</source>
        <translation>关账时间</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="202"/>
        <source>closed_by</source>
        <translation>关账人</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="202"/>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="203"/>
        <source>closed_days</source>
        <translation>已关账日期</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="204"/>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="204"/>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="205"/>
        <source>until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="205"/>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="206"/>
        <source>hub_name</source>
        <translation>枢纽名称（英文）</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="206"/>
        <source>hub_name_zh</source>
        <translation>枢纽名称（中文）</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="207"/>
        <source>teu_45ft</source>
        <translation>45 英尺箱计为</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="207"/>
        <source>daily_train_target</source>
        <translation>每日班列目标</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="208"/>
        <source>punctuality_tolerance_min</source>
        <translation>正点范围（分钟）</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="209"/>
        <source>logo</source>
        <translation>报表标志</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="210"/>
        <source>time_zone</source>
        <translation>枢纽时区</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="211"/>
        <source>logo_path</source>
        <translation>报表标志</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="218"/>
        <source>rebuild</source>
        <translation>重算</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="218"/>
        <source>sums</source>
        <translation>汇总数据</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="221"/>
        <source>service_nos</source>
        <translation>班次号</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="221"/>
        <source>merged_into</source>
        <translation>并入</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="222"/>
        <source>container_moves</source>
        <translation>箱动态记录数</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="222"/>
        <source>taken_at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="223"/>
        <source>replaced</source>
        <translation>被替换的更改</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="223"/>
        <source>kept_as</source>
        <translation>恢复前的数据</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="224"/>
        <source>dwell_times</source>
        <translation>堆存时间</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="224"/>
        <source>roll_up</source>
        <translation>汇总统计表</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="225"/>
        <source>clock_changes</source>
        <translation>时钟调整</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="225"/>
        <source>added_to</source>
        <translation>添加了集装箱的已存班次</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="232"/>
        <source>command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="233"/>
        <source>demo</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="236"/>
        <source>failed logins</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="209"/>
        <source>hub</source>
        <translation>枢纽</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="212"/>
        <source>single_user_mode</source>
        <translation>单用户模式</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="212"/>
        <source>clerk</source>
        <translation>录入员</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="213"/>
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="213"/>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="214"/>
        <source>size_type</source>
        <translation>箱型</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="214"/>
        <source>teu</source>
        <translation>标箱</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="215"/>
        <source>full_empty</source>
        <translation>空重</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="215"/>
        <source>gross_kg</source>
        <translation>毛重（千克）</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="216"/>
        <source>seal</source>
        <translation>铅封号</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="216"/>
        <source>shipper</source>
        <translation>发货人</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="217"/>
        <source>consignee</source>
        <translation>收货人</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="217"/>
        <source>restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="219"/>
        <source>database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="219"/>
        <source>services</source>
        <translation>班次数</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="220"/>
        <source>first_date</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="220"/>
        <source>last_date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="165"/>
        <source>added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="166"/>
        <source>removed</source>
        <translation>已移除</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="167"/>
        <source>changed</source>
        <translation>已更改</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="98"/>
        <source>{field}: {change}</source>
        <translation>{field}：{change}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="104"/>
        <source>{field}: {before} → {after}</source>
        <translation>{field}：{before} → {after}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="128"/>
        <source>merged into {target} ({count} container(s))</source>
        <translation>并入 {target}（{count} 箱）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="156"/>
        <source>{first} – {last}</source>
        <translation>{first} 至 {last}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="158"/>
        <source>imported {services}, {containers}, {teu} TEU ({days}) from {file}</source>
        <translation>从 {file} 导入 {services}、{containers}、{teu} 标箱（{days}）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="160"/>
        <source>{count} service(s)</source>
        <translation>{count} 班</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="162"/>
        <source>{count} container(s)</source>
        <translation>{count} 箱</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="171"/>
        <source>restored from {file}, taken {taken}</source>
        <translation>从 {file} 恢复，备份于 {taken}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="174"/>
        <source>replaced {count} change(s) made after it</source>
        <translation>替换了其后的 {count} 项更改</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="177"/>
        <source>the data before the restore is kept as {path}</source>
        <translation>恢复前的数据保存为 {path}</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/audit.py" line="154"/>
        <location filename="../../hubapp/ui/audit_screen.py" line="112"/>
        <source>{field}: {value}</source>
        <translation>{field}：{value}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/audit_screen.py" line="507"/>
        <source>{field}:</source>
        <translation>{field}：</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/writing.py" line="445"/>
        <source>{target} ({count} container(s))</source>
        <translation>{target}（{count} 箱）</translation>
    </message>
</context>
<context>
    <name>audit export</name>
    <message>
        <location filename="../../hubapp/interchange/writing.py" line="437"/>
        <source>at_utc</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/writing.py" line="434"/>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/writing.py" line="434"/>
        <source>action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/writing.py" line="435"/>
        <source>entity</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/writing.py" line="436"/>
        <source>field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/writing.py" line="436"/>
        <source>before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/writing.py" line="437"/>
        <source>after</source>
        <translation>修改后</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="298"/>
        <source>Database on a network drive</source>
        <translation>数据库位于网络驱动器上</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/backup_actions.py" line="299"/>
        <source>{path} is on a network drive. SQLite cannot lock files reliably there: two desks saving at once can damage the database.

Keep the database on this computer&apos;s own disk and let the backups go to the network drive instead.</source>
        <translation>{path} 位于网络驱动器上。SQLite 在网络驱动器上无法可靠地锁定文件：两个工作台同时保存可能会损坏数据库。

请将数据库放在本机磁盘上，只把备份放到网络驱动器。</translation>
    </message>
</context>
<context>
    <name>check</name>
    <message>
        <location filename="../../hubapp/store/check.py" line="65"/>
        <source>rail</source>
        <translation>铁路</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="65"/>
        <source>road</source>
        <translation>公路</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="66"/>
        <source>river</source>
        <translation>水运</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="66"/>
        <source>rail-sea</source>
        <translation>铁海联运</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="177"/>
        <source>the file is damaged: {reason}</source>
        <translation>文件已损坏：{reason}</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="189"/>
        <source>{table} row {row} refers to a missing {parent}</source>
        <translation>{table} 第 {row} 行引用了不存在的 {parent}</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="203"/>
        <source>{count} move(s) such as {example}: {reason}</source>
        <translation>{count} 条箱动态（如 {example}）：{reason}</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="208"/>
        <source>{count} move(s) of {size_type} such as {example} with {teu:g} TEU; a {length} ft box counts {allowed}</source>
        <translation>{count} 条 {size_type} 箱动态（如 {example}）计为 {teu:g} 标箱；{length} 英尺箱应计为 {allowed}</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="223"/>
        <source>container {number!r} ({count} move(s)) is not a valid ISO 6346 number</source>
        <translation>箱号“{number}”（{count} 条箱动态）不是有效的 ISO 6346 箱号</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="231"/>
        <source>container {container} is {count} times on service {number} of {date}</source>
        <translation>集装箱 {container} 在 {date} 的班次 {number} 上出现了 {count} 次</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="243"/>
        <source>container {container} on service {number} is recorded as {date} {direction}, its service as {service_date} {service_direction}</source>
        <translation>班次 {number} 上的集装箱 {container} 记录为 {date} {direction}，而其班次为 {service_date} {service_direction}</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="255"/>
        <source>full container {container} on {date} has no gross weight</source>
        <translation>{date} 的重箱 {container} 没有毛重</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="271"/>
        <source>container {container} on {date}: gross {gross:,} kg is outside {low:,}–{high:,} kg for a {length} ft box</source>
        <translation>{date} 的集装箱 {container}：毛重 {gross:,} 千克超出 {length} 英尺箱的 {low:,}–{high:,} 千克范围</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="285"/>
        <source>service {number} of {date} ({direction}), container {container}: seal {value!r} is stored in scientific notation, its digits lost by a spreadsheet, and the service cannot be saved until it is corrected: type the real number from the paper document in the daily log (check --repair cannot restore it)</source>
        <translation>{date} 的班次 {number}（{direction}），集装箱 {container}：铅封“{value}”以科学计数法存储，其位数已被电子表格丢失，改正之前该班次无法保存：请按纸质单据在每日台账中输入真实号码（check --repair 无法恢复）</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="291"/>
        <source>service {number} of {date} ({direction}), container {container}: shipper {value!r} is stored in scientific notation, its digits lost by a spreadsheet, and the service cannot be saved until it is corrected: type the real number from the paper document in the daily log (check --repair cannot restore it)</source>
        <translation>{date} 的班次 {number}（{direction}），集装箱 {container}：发货人“{value}”以科学计数法存储，其位数已被电子表格丢失，改正之前该班次无法保存：请按纸质单据在每日台账中输入真实号码（check --repair 无法恢复）</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="297"/>
        <source>service {number} of {date} ({direction}), container {container}: consignee {value!r} is stored in scientific notation, its digits lost by a spreadsheet, and the service cannot be saved until it is corrected: type the real number from the paper document in the daily log (check --repair cannot restore it)</source>
        <translation>{date} 的班次 {number}（{direction}），集装箱 {container}：收货人“{value}”以科学计数法存储，其位数已被电子表格丢失，改正之前该班次无法保存：请按纸质单据在每日台账中输入真实号码（check --repair 无法恢复）</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="328"/>
        <source>service {number} of {date} ({direction}): scheduled time {value} is not from 3 days before its date to the day after; an import of it is refused</source>
        <translation>{date} 的班次 {number}（{direction}）：计划时间 {value} 不在其日期前 3 天至后 1 天之内；导入时会被拒绝</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="331"/>
        <source>service {number} of {date} ({direction}): actual time {value} is not on its date, the day before or the day after; an import of it is refused</source>
        <translation>{date} 的班次 {number}（{direction}）：实际时间 {value} 不在其日期当天、前一天或后一天；导入时会被拒绝</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="355"/>
        <source>service {number} of {date} ({direction}) is dated outside the years {first}–{last} the hub&apos;s records can hold, a year typed wrong, and the daily log cannot open it: restore a backup from before it was saved, or have the database&apos;s administrator correct its year</source>
        <translation>{date} 的班次 {number}（{direction}）的日期在枢纽记录可存的 {first}–{last} 年之外，是年份输入有误，每日台账无法打开它：请恢复保存它之前的备份，或请数据库管理员更正其年份</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="374"/>
        <source>service {number} of {date} ({direction}) is stored as departed at {value}, which is later than now on the hub&apos;s clock ({now}, {zone}), and is counted as moved: mark it planned in the daily log until it runs, or correct its time</source>
        <translation>{date} 的班次 {number}（{direction}）登记为已于 {value} 发运，晚于枢纽时钟的当前时间（{now}，{zone}），却已计入运量：请在每日台账中将其标为“计划中”直至实际发运，或改正其时间</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="379"/>
        <source>service {number} of {date} ({direction}) is stored as arrived at {value}, which is later than now on the hub&apos;s clock ({now}, {zone}), and is counted as moved: mark it planned in the daily log until it runs, or correct its time</source>
        <translation>{date} 的班次 {number}（{direction}）登记为已于 {value} 到达，晚于枢纽时钟的当前时间（{now}，{zone}），却已计入运量：请在每日台账中将其标为“计划中”直至实际到达，或改正其时间</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="417"/>
        <source>{table} of {date} ({direction}, {mode}, route {route}) differs from its containers</source>
        <translation>{date} 的{table}（{direction}，{mode}，线路 {route}）与其集装箱明细不一致</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="429"/>
        <source>the daily roll-up</source>
        <translation>日汇总表</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="430"/>
        <source>the monthly roll-up</source>
        <translation>月汇总表</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="436"/>
        <source>container {container} leaving on {date}: dwell is stored as {kept} min, its history gives {fresh} min</source>
        <translation>{date} 离场的集装箱 {container}：存储的堆存时间为 {kept} 分钟，按其历史应为 {fresh} 分钟</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="455"/>
        <source>the clock changes stored for {zone} differ from this computer&apos;s rules for it ({stored} stored, {rules} in the rules, the first differing on {date}), so punctuality and dwell over them are counted wrong: hubapp check --repair stores them from this computer&apos;s rules and counts those again (run it where the zone rules, tzdata, are up to date)</source>
        <translation>为 {zone} 保存的时钟调整（如夏令时）与本机该时区的规则不一致（已保存 {stored} 次，规则中有 {rules} 次，首个不同之处在 {date}），跨越这些调整的正点率和堆存时间因此算错：运行 hubapp check --repair 可按本机规则重新保存时钟调整并重新计算（请在时区规则 tzdata 为最新的电脑上运行）</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="471"/>
        <source>… and {count} more</source>
        <translation>…… 另有 {count} 条</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="477"/>
        <source>foreign keys</source>
        <translation>外键</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="478"/>
        <source>TEU matches size-type</source>
        <translation>标箱数与箱型一致</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="479"/>
        <source>container numbers</source>
        <translation>箱号</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="480"/>
        <source>containers once per service</source>
        <translation>每班次箱号不重复</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="481"/>
        <source>moves match their service</source>
        <translation>箱动态与所属班次一致</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="482"/>
        <source>service dates within the hub&apos;s years</source>
        <translation>班次日期在枢纽的年份范围内</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="483"/>
        <source>service times near their date</source>
        <translation>班次时间与日期相符</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="484"/>
        <source>moved services not ahead of the clock</source>
        <translation>已发运或到达的班次不晚于现在</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="485"/>
        <source>gross weight</source>
        <translation>毛重</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="486"/>
        <source>seals, shippers and consignees with all their digits</source>
        <translation>铅封、发货人和收货人位数完整</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="488"/>
        <source>clock changes as the zone&apos;s rules</source>
        <translation>时钟调整与时区规则一致</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="490"/>
        <source>dwell times</source>
        <translation>堆存时间</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="491"/>
        <source>daily roll-up</source>
        <translation>汇总统计表</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="493"/>
        <source>integrity</source>
        <translation>文件完整性</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="25"/>
        <source>{prog}: error: {message} (see {prog} --help)</source>
        <translation>{prog}：错误：{message}（参见 {prog} --help）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="86"/>
        <source>show the version and exit</source>
        <translation>显示版本并退出</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="108"/>
        <source>Hub Desk: the daily log of an inland logistics hub. Without a command, opens the window.</source>
        <translation>枢纽工作台（Hub Desk）：内陆物流枢纽的每日台账。不带命令时打开窗口。</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="111"/>
        <source>exit codes:
  0  done; check found no problems
  1  the command refused its input or failed, its reason on stderr
     (import&apos;s problems, nothing new to import, a file it cannot
     write); check found problems (a damaged file too)
  2  a mistake in the command line (see the command&apos;s --help)
  3  the database (--db) cannot be used (missing, not a Hub Desk
     database, from a newer version, damaged, in a read-only folder,
     a server not reached or refusing the login); check could not
     check the file (those, or busy) or write its findings
  4  the database is busy: another desk is saving or upgrading it; try
     again in a moment; or a file to upgrade or to move to a server
     (migrate-to) is open on another desk or in a command: close those
     first
  130  interrupted (Ctrl+C); 143 and 129 stopped by SIGTERM and SIGHUP,
       nothing saved (one that comes once the work is saved
       lets the command finish, with its own code)</source>
        <translation>退出码：
  0  完成；check 未发现问题
  1  命令拒绝了输入或失败，原因见标准错误输出
     （导入有问题、没有可导入的新内容、无法写入文件）；
     check 发现了问题（包括文件已损坏）
  2  命令行有误（见该命令的 --help）
  3  数据库（--db）无法使用（不存在、不是枢纽工作台数据库、
     来自更新的版本、已损坏、位于只读文件夹，或服务器无法连接、
     拒绝登录）；check 无法检查该文件
     （上述情况或正忙），或无法写出检查结果
  4  数据库正忙：另一工作台正在保存或升级它；请稍后再试；
     或待升级、待迁移到服务器（migrate-to）的文件仍在其他工作台
     或命令中打开：请先将其关闭
  130  已中断（Ctrl+C）；143、129 分别表示被 SIGTERM、SIGHUP 停止，
       未保存任何内容（在工作已保存之后到达的停止信号
       会让命令完成，并以其自身的退出码结束）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="161"/>
        <source>database file or postgresql://user@host[:port]/dbname URL</source>
        <translation>数据库文件或 postgresql://user@host[:port]/dbname 地址</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="169"/>
        <source>first day</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="171"/>
        <source>last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="175"/>
        <source>fill a new database with realistic demo data</source>
        <translation>向新数据库写入逼真的演示数据</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="181"/>
        <source>days of traffic (default 60)</source>
        <translation>业务天数（默认 60）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="187"/>
        <source>random seed (default 1)</source>
        <translation>随机种子（默认 1）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="189"/>
        <source>last day of the demo data, its trains from noon on still planned, as are any after now (default: today, up to now)</source>
        <translation>演示数据的最后一天，当天中午起的班列仍为计划状态，此刻之后的班列也是（默认：今天，截至此刻）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="195"/>
        <source>throughput between two dates, computed from the database</source>
        <translation>两个日期之间的吞吐量，由数据库计算</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="202"/>
        <source>grouping of the rows (default day)</source>
        <translation>行的分组方式（默认 day）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="204"/>
        <source>output format (default table)</source>
        <translation>输出格式（默认 table）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="208"/>
        <source>import a loading list (CSV or XLSX, one row per container); all or nothing</source>
        <translation>导入装载清单（CSV 或 XLSX，每行一个集装箱）；全部成功或全部不保存</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="210"/>
        <source>the .csv or .xlsx file</source>
        <translation>.csv 或 .xlsx 文件</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="211"/>
        <source>the sheet of an XLSX workbook to import, by its title (a workbook of a sheet per month or train: one import per sheet); without it, the sheet it opens on if that holds the whole list, else the first that does</source>
        <translation>要导入的 XLSX 工作簿中的工作表，按其名称（每月或每个班列一个工作表的工作簿：每个工作表导入一次）；不指定时，读取打开时所在的工作表（若它含完整清单），否则读取第一个含完整清单的工作表</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="215"/>
        <source>check every row and report, but save nothing</source>
        <translation>检查每一行并报告，但不保存</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="217"/>
        <source>leave out services and containers already stored instead of refusing the file, adding the new containers of a stored service to it (a list sent again with boxes added, or in parts); a row giving another value than the stored one still refuses it</source>
        <translation>跳过已存储的班次和集装箱，而不是拒绝整个文件，并将已存储班次的新增集装箱添加到该班次（补发的含新增集装箱的清单，或分批发送的清单）；某行的值与已存储的不同时仍会拒绝</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="222"/>
        <source>why a closed day is changed: needed to import onto one, kept in the audit log</source>
        <translation>修改已关账日期的原因：导入到已关账日期时必填，记入审计日志</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="225"/>
        <source>save every problem or duplicate found as CSV (only the first {count} are printed)</source>
        <translation>将发现的所有问题或重复项保存为 CSV（屏幕上只列出前 {count} 条）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="231"/>
        <source>write the containers of a date range to CSV or XLSX, in the columns import reads</source>
        <translation>将某日期范围内的集装箱写入 CSV 或 XLSX，列与导入所读的一致</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="236"/>
        <source>file to write (.csv or .xlsx)</source>
        <translation>要写入的文件（.csv 或 .xlsx）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="237"/>
        <source>language of the headers, directions, modes, statuses, full/empty and commodity names, which import reads in either (default en)</source>
        <translation>表头、方向、运输方式、状态、空重及货名所用的语言，导入两种都能读取（默认 en）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="243"/>
        <source>copy the database to a file, verified, while others use it</source>
        <translation>在他人使用时将数据库复制到文件并校验</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="254"/>
        <source>backup file to restore</source>
        <translation>要恢复的备份文件</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="268"/>
        <source>copy the hub in the file --db into an empty PostgreSQL database, in one transaction, and verify the copy</source>
        <translation>在一个事务中将 --db 文件中的枢纽数据复制到空的 PostgreSQL 数据库，并校验副本</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="271"/>
        <source>the server database: postgresql://user@host[:port]/dbname</source>
        <translation>服务器数据库：postgresql://user@host[:port]/dbname</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="276"/>
        <source>print the daily summary, the monthly report or a period report to a PDF file (no display needed)</source>
        <translation>将每日汇总、月度报表或期间报表打印为 PDF 文件（无需显示器）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="282"/>
        <source>which report</source>
        <translation>哪种报表</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="286"/>
        <source>the month of a monthly report (YYYY-MM)</source>
        <translation>月度报表的月份（YYYY-MM）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="288"/>
        <source>first day of a range</source>
        <translation>期间的起始日期</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="290"/>
        <source>last day of a range</source>
        <translation>期间的结束日期</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="293"/>
        <source>PDF file to write</source>
        <translation>要写入的 PDF 文件</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="294"/>
        <source>language of the report (default: the commands&apos; own, from LANGUAGE, LC_ALL, LC_MESSAGES or LANG)</source>
        <translation>报表语言（默认：与命令相同，由 LANGUAGE、LC_ALL、LC_MESSAGES 或 LANG 决定）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="300"/>
        <source>manage who may log in (admin)</source>
        <translation>管理可登录的用户（管理员）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="303"/>
        <source>add a user; the password is read from the terminal or one line of stdin</source>
        <translation>添加用户；密码从终端或标准输入的一行读取</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="305"/>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="308"/>
        <source>what the user may do</source>
        <translation>用户的权限</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="318"/>
        <source>folder {folder} does not exist: name a .csv or .xlsx file</source>
        <translation>文件夹 {folder} 不存在：请指定 .csv 或 .xlsx 文件名</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="328"/>
        <source>folder {folder} does not exist: make it, or name a backup file</source>
        <translation>文件夹 {folder} 不存在：请先创建它，或指定备份文件名</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="345"/>
        <source>name a .csv file for the problem list, not {name}</source>
        <translation>问题清单请指定 .csv 文件，而不是 {name}</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="351"/>
        <source>Write the report to a .pdf file, not {name}</source>
        <translation>报表须写入 .pdf 文件，而不是 {name}</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="366"/>
        <source>it is empty (is a shell variable unset?); name a database file or a postgresql://user@host/dbname URL</source>
        <translation>值为空（是否有 shell 变量未设置？）；请指定数据库文件或 postgresql://用户@主机/数据库名 地址</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="373"/>
        <source>{url} is no database Hub Desk can use: name a database file or a postgresql://user@host/dbname URL</source>
        <translation>{url} 不是枢纽工作台可用的数据库：请指定数据库文件或 postgresql://用户@主机/数据库名 地址</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="376"/>
        <source>folder {folder} does not exist: name a database file</source>
        <translation>文件夹 {folder} 不存在：请指定数据库文件名</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="395"/>
        <source>{text!r} is not a date; expected YYYY-MM-DD, e.g. 2026-03-05</source>
        <translation>“{text}”不是日期；应为 YYYY-MM-DD，例如 2026-03-05</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="407"/>
        <source>{text!r} is not a month; expected YYYY-MM, e.g. 2026-03</source>
        <translation>“{text}”不是月份；应为 YYYY-MM，例如 2026-03</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="420"/>
        <source>{text!r} is out of range; expected a year from {first} to {last}</source>
        <translation>“{text}”超出范围；年份应在 {first} 至 {last} 之间</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/__init__.py" line="56"/>
        <source>hubapp: {signal} came once the work was saved; the command finished</source>
        <translation>hubapp：{signal} 在工作已保存之后到达；命令已完成</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/__init__.py" line="62"/>
        <source>hubapp: stopped ({signal})</source>
        <translation>hubapp：已停止（{signal}）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/stops.py" line="271"/>
        <source>Cannot write to the standard output ({reason}); the command&apos;s work is done and kept</source>
        <translation>无法写入标准输出（{reason}）；命令的工作已完成并已保存</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/stops.py" line="273"/>
        <source>Cannot write to the standard output: {reason}</source>
        <translation>无法写入标准输出：{reason}</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/common.py" line="102"/>
        <source>{database} was upgraded by another Hub Desk meanwhile</source>
        <translation>{database} 已在此期间由另一台枢纽工作台升级</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/common.py" line="105"/>
        <source>{database} upgraded; the file as it was is kept as {kept}</source>
        <translation>{database} 已升级；升级前的文件已保存为 {kept}</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/common.py" line="108"/>
        <source>The report logo at {path} could not be read when the hub was upgraded: choose it again in Edit ▸ Settings…</source>
        <translation>升级枢纽时无法读取位于 {path} 的报表标志：请在“编辑 ▸ 设置…”中重新选择</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/demo.py" line="29"/>
        <source>Demo data written to {path}: {summary} moved (+ {planned} planned, {cancelled} cancelled)</source>
        <translation>演示数据已写入 {path}：实际开行 {summary}（另有计划中班次 {planned} 个、已取消班次 {cancelled} 个）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/files.py" line="145"/>
        <source>copying {table} ({number} of {count} tables)…</source>
        <translation>正在复制 {table}（第 {number} 个，共 {count} 个表）…</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/transfer.py" line="116"/>
        <source>{file}: it has {count} value(s) differing from what the database holds, and an import does not change stored data; nothing was saved. Correct the daily log where it is wrong, or leave the row(s) out of the file</source>
        <translation>{file}：有 {count} 个值与数据库中已有的不同，而导入不会修改已有数据；未保存任何数据。请在每日台账中改正有误之处，或从文件中删去相应的行</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/__init__.py" line="65"/>
        <source>hubapp: interrupted</source>
        <translation>hubapp：已中断</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="138"/>
        <source>database file or postgresql://user@host/dbname URL; every command needs it; without it the window opens the database this desk used last, else a file in the user data folder</source>
        <translation>数据库文件或 postgresql://user@host/dbname 地址；每个命令都必须给出；不给出时，窗口打开本工作台上次使用的数据库，否则打开用户数据文件夹中的文件</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="309"/>
        <source>list the users: name, role, whether they may log in, and until when one is locked out</source>
        <translation>列出用户：名称、角色、是否可以登录，以及锁定到何时</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="441"/>
        <source>--db is given twice, as {first} and {second}: give it once</source>
        <translation>--db 指定了两次（{first} 和 {second}）：请只指定一次</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/common.py" line="96"/>
        <source>Upgrading {database} for this version of Hub Desk (a copy of it is kept first); on years of history this takes a minute or two</source>
        <translation>正在将 {database} 升级到此版本的枢纽工作台（会先保留一份副本）；如有多年的历史数据，约需一两分钟</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/common.py" line="57"/>
        <source>hubapp: error: {message}</source>
        <translation>hubapp：错误：{message}</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/files.py" line="32"/>
        <source>; the database as it was is kept as the dump {kept}</source>
        <translation>；恢复前的数据库已保存为转储文件 {kept}</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/files.py" line="50"/>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/files.py" line="55"/>
        <source>{check}: made by an older Hub Desk; built when the file is opened</source>
        <translation>{check}：文件由旧版枢纽工作台创建；打开文件时会建立</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/files.py" line="121"/>
        <source>Working out the dwell times and the roll-up again from the containers; on years of history this takes a minute or two, and a desk saving meanwhile is told the hub is busy (its edits stay in its window to save again)</source>
        <translation>正在按集装箱明细重新计算堆存时间和汇总统计表；多年的历史数据需要一两分钟，其间保存的工作台会被告知枢纽正忙（其修改仍保留在窗口中，可再次保存）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/users.py" line="28"/>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/users.py" line="28"/>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/users.py" line="28"/>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/users.py" line="29"/>
        <source>locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/users.py" line="35"/>
        <source>{database} is in single-user mode: the app opens without asking who is working.</source>
        <translation>{database} 处于单用户模式：应用启动时不询问操作人员。</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/users.py" line="55"/>
        <source>{database} is in single-user mode: the app opens without asking who is working, so {name} cannot log in yet. Logins are required once an admin turns off “Single-user mode” on the app&apos;s Users screen.</source>
        <translation>{database} 处于单用户模式：应用启动时不询问使用者，因此 {name} 暂时无法登录。管理员在应用的“用户”界面关闭“单用户模式”后，才需要登录。</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/users.py" line="64"/>
        <source>{database} is not set up yet: Hub Desk asks for the hub&apos;s name, time zone and daily train target when an admin next logs in.</source>
        <translation>{database} 尚未设置：管理员下次登录枢纽工作台时，会要求填写枢纽名称、时区和每日班列目标。</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/transfer.py" line="106"/>
        <source>{file}: {note}</source>
        <translation>{file}：{note}</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/transfer.py" line="109"/>
        <source>{file}: {count} new container(s) of services already stored; nothing was saved (--skip-duplicates adds them to those services)</source>
        <translation>{file}：{count} 个集装箱是已在库中班次的新增集装箱；未保存任何数据（--skip-duplicates 可将其添加到这些班次）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/transfer.py" line="113"/>
        <source>{file}: {count} problem(s); nothing was saved</source>
        <translation>{file}：{count} 个问题；未保存任何数据</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/transfer.py" line="121"/>
        <source>{file}: everything in it is already stored; nothing was saved</source>
        <translation>{file}：其中的全部数据已在数据库中；未保存任何数据</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/transfer.py" line="124"/>
        <source>{file}: {count} service(s) or container(s) already stored, and it holds nothing else; nothing was saved</source>
        <translation>{file}：{count} 个班次或集装箱已在数据库中，文件中没有其他数据；未保存任何数据</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/transfer.py" line="128"/>
        <source>{file}: {count} service(s) or container(s) already stored; nothing was saved (--skip-duplicates imports the rest)</source>
        <translation>{file}：{count} 个班次或集装箱已在数据库中；未保存任何数据（--skip-duplicates 可导入其余部分）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/transfer.py" line="132"/>
        <source>{file}: {summary}</source>
        <translation>{file}：{summary}</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/transfer.py" line="140"/>
        <source>… and {count} more, all of them in {file}</source>
        <translation>……另有 {count} 条，全部见 {file}</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/transfer.py" line="142"/>
        <source>… and {count} more (use --problems FILE to save them all)</source>
        <translation>……另有 {count} 条（用 --problems 文件 可全部保存）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/transfer.py" line="176"/>
        <source>exporting… {percent} %</source>
        <translation>正在导出… {percent}%</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/transfer.py" line="178"/>
        <source>{count} row(s) written to {path}</source>
        <translation>已将 {count} 行写入 {path}</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/transfer.py" line="210"/>
        <source>Report written to {path} ({pages} page(s))</source>
        <translation>报表已写入 {path}（共 {pages} 页）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/files.py" line="21"/>
        <source>Backup of {database} written to {target} and verified</source>
        <translation>{database} 的备份已写入 {target} 并通过检查</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="258"/>
        <source>check the file&apos;s integrity and the app&apos;s rules; exit 1 on problems, 3 if the file cannot be checked</source>
        <translation>检查文件完整性和应用规则；发现问题时退出码为 1，无法检查文件时为 3</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/files.py" line="34"/>
        <source>{database} restored from {backup}</source>
        <translation>已用 {backup} 恢复 {database}</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/files.py" line="33"/>
        <source>; the file as it was is kept as {kept}</source>
        <translation>；原文件已保存为 {kept}</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="182"/>
        <source>make a history of about this many containers instead of --days (e.g. 5000000, the corridor&apos;s whole history); it is whole days of traffic, so at least one day&apos;s, some 800 containers</source>
        <translation>生成约这么多集装箱的历史，代替 --days（如 5000000，即陆海新通道开通以来的全部箱量）；历史按整天生成，因此至少一天的量，约 800 箱</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="246"/>
        <source>backup file to write, or an existing folder to write a dated backup into</source>
        <translation>要写入的备份文件，或一个已有的文件夹（在其中写入带日期的备份）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="251"/>
        <source>replace the database with a backup (the current one is kept first: a file in the backups folder, a server database as a dump beside the backup)</source>
        <translation>用备份替换数据库（先保留当前数据库：文件保存在备份文件夹中，服务器数据库则以转储文件保存在备份旁边）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="261"/>
        <source>when only what the hub works out from its containers and its time zone&apos;s rules is wrong (clock changes, dwell times, roll-up), work it out again (written to the audit log)</source>
        <translation>仅当出错的只是本枢纽按集装箱明细和时区规则算出的数据（时钟调整、堆存时间、汇总统计表）时，重新计算（记入审计日志）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/parser.py" line="283"/>
        <source>the day of a daily report (default: today on the hub&apos;s clock, in its time zone)</source>
        <translation>每日汇总的日期（默认：按枢纽时区计的今天）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/files.py" line="48"/>
        <source>Checking {path}</source>
        <translation>正在检查 {path}</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/files.py" line="49"/>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/files.py" line="49"/>
        <source>PROBLEM</source>
        <translation>有问题</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/files.py" line="67"/>
        <source>The server itself keeps its files sound and enforces the foreign keys; back it up with pg_dump (hubapp backup).</source>
        <translation>服务器自身负责数据文件完好并强制外键约束；请用 pg_dump（hubapp backup）备份。</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/files.py" line="70"/>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/files.py" line="84"/>
        <source>{count} problem(s) in the sums repaired: they were worked out again from the containers.</source>
        <translation>已修复汇总数据中的 {count} 个问题：已按集装箱明细重新计算。</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/files.py" line="102"/>
        <source>{count} problem(s) found, all in sums the hub works out from its containers (dwell times, roll-up); the containers are sound, so do not restore a backup for them: hubapp check --repair works them out again.</source>
        <translation>发现 {count} 个问题，都在本枢纽按集装箱明细算出的汇总数据中（堆存时间、汇总统计表）；集装箱明细本身无误，请勿为此恢复备份：运行 hubapp check --repair 即可重新计算。</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/files.py" line="93"/>
        <source>{count} problem(s) found; restore a backup or correct the data.</source>
        <translation>发现 {count} 个问题；请恢复备份或更正数据。</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/files.py" line="81"/>
        <source>{count} problem(s) repaired: the clock changes were stored from this computer&apos;s zone rules, and the sums worked out again from them and the containers.</source>
        <translation>已修复 {count} 个问题：已按本机时区规则重新保存时钟调整，并据此和集装箱明细重新计算了汇总数据。</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/files.py" line="96"/>
        <source>{count} problem(s) found, all in what the hub works out from its time zone&apos;s rules and its containers (clock changes, dwell times, roll-up); a backup holds the same, so do not restore one for them: hubapp check --repair works them out again.</source>
        <translation>发现 {count} 个问题，都在本枢纽按时区规则和集装箱明细算出的数据中（时钟调整、堆存时间、汇总统计表）；备份中的也一样，请勿为此恢复备份：运行 hubapp check --repair 即可重新计算。</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/files.py" line="108"/>
        <source>Nothing was repaired: --repair works out the sums again only when they are all that is wrong.</source>
        <translation>未作任何修复：--repair 只在出错的仅为汇总数据时才重新计算。</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/files.py" line="119"/>
        <source>Storing the clock changes of the hub&apos;s time zone from this computer&apos;s zone rules</source>
        <translation>正在按本机时区规则重新保存枢纽时区的时钟调整</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/files.py" line="147"/>
        <source>{file} copied to {server} and verified:</source>
        <translation>{file} 已复制到 {server} 并核对无误：</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/files.py" line="149"/>
        <source>table</source>
        <translation>表</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/files.py" line="149"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/files.py" line="149"/>
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/files.py" line="150"/>
        <source>containers</source>
        <translation>箱量</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/files.py" line="150"/>
        <source>TEU</source>
        <translation>标箱</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/files.py" line="150"/>
        <source>gross kg</source>
        <translation>毛重（千克）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/files.py" line="159"/>
        <source>Saves made to {file} from now on do not reach the server: start every desk on {server} (File ▸ Connect to server…, or hubapp --db URL) before it saves again</source>
        <translation>从现在起保存到 {file} 的内容不会进入服务器：请让每个工作台在再次保存前改用 {server}（文件 ▸ 连接服务器…，或 hubapp --db 地址）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/users.py" line="86"/>
        <source>Password for {name}: </source>
        <translation>{name} 的密码：</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/users.py" line="87"/>
        <source>Again: </source>
        <translation>再输入一次：</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/users.py" line="52"/>
        <source>User {name} ({role}) added to {database}</source>
        <translation>用户 {name}（{role}）已添加到 {database}</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/transfer.py" line="132"/>
        <source>{file}: would import (dry run, nothing saved) {summary}</source>
        <translation>{file}：试运行，未保存；将导入 {summary}</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/transfer.py" line="134"/>
        <source>{file}: imported {summary}</source>
        <translation>{file}：已导入 {summary}</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/transfer.py" line="89"/>
        <source>importing… {percent} %</source>
        <translation>正在导入… {percent}%</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="79"/>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="80"/>
        <source>service</source>
        <translation>班次号</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="81"/>
        <source>direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="82"/>
        <source>mode</source>
        <translation>运输方式</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="83"/>
        <source>route</source>
        <translation>线路</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="84"/>
        <source>origin</source>
        <translation>始发地</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="85"/>
        <source>destination</source>
        <translation>目的地</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="86"/>
        <source>scheduled_at</source>
        <translation>计划时间</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="87"/>
        <source>departed_at</source>
        <translation>发车时间</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="88"/>
        <source>arrived_at</source>
        <translation>到达时间</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="89"/>
        <source>actual_at</source>
        <translation>实际时间</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="90"/>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="91"/>
        <source>wagons</source>
        <translation>车皮数</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="92"/>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="93"/>
        <source>container</source>
        <translation>箱号</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="94"/>
        <source>size_type</source>
        <translation>箱型</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="95"/>
        <source>teu</source>
        <translation>标箱</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="96"/>
        <source>full_empty</source>
        <translation>空重</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="97"/>
        <source>gross_kg</source>
        <translation>毛重（千克）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="98"/>
        <source>commodity</source>
        <translation>货名</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="99"/>
        <source>hs_code</source>
        <translation>HS 编码</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="100"/>
        <source>seal</source>
        <translation>铅封号</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="101"/>
        <source>shipper</source>
        <translation>发货人</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="102"/>
        <source>consignee</source>
        <translation>收货人</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <location filename="../../hubapp/ui/dialogs.py" line="238"/>
        <source>Stay</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dialogs.py" line="264"/>
        <source>Hub Desk</source>
        <translation>枢纽工作台</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dialogs.py" line="265"/>
        <source>This desk has no hub database yet.</source>
        <translation>本工作台还没有枢纽数据库。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dialogs.py" line="266"/>
        <source>{path}, the hub&apos;s database set for this computer in {settings}, is not there.</source>
        <translation>{settings} 中为本机设定的枢纽数据库 {path} 不存在。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dialogs.py" line="271"/>
        <source>Start a new hub in {path} (you create its administrator next), open a hub&apos;s file that exists (a copy from another desk, or a backup), connect to the hub&apos;s server, or try Hub Desk on a demo hub: made-up traffic, in a file of its own.</source>
        <translation>新建一个枢纽，数据文件为 {path}（接下来创建其管理员）；或打开已有的枢纽数据库文件（其他工作台的副本或备份）；或连接到枢纽的服务器；或在演示枢纽上试用枢纽工作台：数据为虚构，保存在单独的文件中。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dialogs.py" line="278"/>
        <source>Start a &amp;new hub</source>
        <translation>新建枢纽(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dialogs.py" line="279"/>
        <source>&amp;Open a file…</source>
        <translation>打开文件(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dialogs.py" line="280"/>
        <source>&amp;Connect to a server…</source>
        <translation>连接服务器(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dialogs.py" line="282"/>
        <source>Try a &amp;demo hub</source>
        <translation>试用演示枢纽(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/dialogs.py" line="321"/>
        <source>{name} already exists. Do you want to replace it?</source>
        <translation>{name} 已存在。是否替换？</translation>
    </message>
</context>
<context>
    <name>filters</name>
    <message>
        <location filename="../../hubapp/ui/filter_choices.py" line="31"/>
        <source>All routes</source>
        <translation>全部线路</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/filter_choices.py" line="40"/>
        <source>{name} is no longer in the database (deleted, or an older backup was restored): the Route filter was reset to {everything}</source>
        <translation>{name} 已不在数据库中（已被删除，或已还原较早的备份）：线路筛选已重置为{everything}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/filter_choices.py" line="54"/>
        <source>{name} (retired)</source>
        <translation>{name}（已停用）</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/filter_choices.py" line="55"/>
        <source>All commodities</source>
        <translation>全部货物</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/filter_choices.py" line="77"/>
        <source>{name} is no longer in the database (an older backup was restored): the Commodity filter was reset to {everything}</source>
        <translation>{name} 已不在数据库中（已还原较早的备份）：货名筛选已重置为{everything}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/filter_choices.py" line="84"/>
        <source>{name} was merged into {target}: showing {target}</source>
        <translation>{name} 已合并到 {target}：现显示 {target}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/find_combo.py" line="132"/>
        <source>More than one in the list holds “{text}”: the filter stays {chosen}</source>
        <translation>列表中有多项包含“{text}”：筛选仍为 {chosen}</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/find_combo.py" line="134"/>
        <source>Nothing in the list holds “{text}”: the filter stays {chosen}</source>
        <translation>列表中没有包含“{text}”的项：筛选仍为 {chosen}</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <location filename="../../hubapp/ui/formatting.py" line="24"/>
        <source>{number} %</source>
        <translation>{number}%</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/formatting.py" line="67"/>
        <source>{sentence}.</source>
        <translation>{sentence}。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/formatting.py" line="101"/>
        <source>{time} ({zone})</source>
        <translation>{time} ({zone})</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/formatting.py" line="119"/>
        <source>{items}, …</source>
        <translation>{items} 等</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/formatting.py" line="128"/>
        <source>{days} and {count} more</source>
        <translation>{days}，另有 {count} 天</translation>
    </message>
</context>
<context>
    <name>interchange</name>
    <message>
        <location filename="../../hubapp/interchange/parsing.py" line="181"/>
        <source>line {line}: {message}</source>
        <translation>第 {line} 行：{message}</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/parsing.py" line="184"/>
        <source>line {line}, {column} {value!r}: {message}</source>
        <translation>第 {line} 行，{column}“{value}”：{message}</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/parsing.py" line="186"/>
        <source>line {line}, {column}: {message}</source>
        <translation>第 {line} 行，{column}：{message}</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/parsing.py" line="203"/>
        <source>{header} (column {letter})</source>
        <translation>{header}（{letter} 列）</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="604"/>
        <source>; skipped as already stored: {services}, {containers}</source>
        <translation>；已在数据库中而跳过：{services}，{containers}</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="610"/>
        <source>{summary}; read as {encoding} text</source>
        <translation>{summary}；按 {encoding} 编码读取</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="613"/>
        <source>{summary}; read from sheet “{sheet}”</source>
        <translation>{summary}；读取自工作表“{sheet}”</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="616"/>
        <source>{summary}; {note}</source>
        <translation>{summary}；{note}</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="629"/>
        <source>sheet(s) {names} not read: import each with --sheet TITLE (a train split over sheets onto one sheet first: a train is imported whole)</source>
        <translation>未读取工作表{names}：请用 --sheet 工作表名 逐个导入（同一班列分在几个工作表上的，先合并到同一个工作表：一个班列须整列导入）</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="634"/>
        <source>other sheet(s) not read: {names}</source>
        <translation>其他工作表未读取：{names}</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/parsing.py" line="202"/>
        <source>column {letter} (no header)</source>
        <translation>{letter} 列（无表头）</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="596"/>
        <source>nothing new to import</source>
        <translation>没有可导入的新数据</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="599"/>
        <source>; of them, {containers} added to {services} already stored</source>
        <translation>；其中 {containers}添加到已在库中的 {services}</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="606"/>
        <source>; skipped as already stored: {containers}</source>
        <translation>；已在数据库中而跳过：{containers}</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="670"/>
        <source>columns left out, as no field goes by their header: {names}</source>
        <translation>以下列未导入（没有与其表头对应的字段）：{names}</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="692"/>
        <source>the far end&apos;s time of {count} service(s) left out ({columns}): the hub records only when a train leaves or reaches the hub</source>
        <translation>{count} 个班次的对方站时间未保存（{columns}）：本枢纽只记录班次离开或到达本站的时间</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="705"/>
        <source>{count} gross weight(s) given with a fraction of a kilogram, rounded to whole kilograms (24000.5 to 24001)</source>
        <translation>{count} 个毛重带有小数，已四舍五入为整千克（24000.5 记为 24001）</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="716"/>
        <source>{count} service(s) read as planned, still to come by the hub&apos;s clock (the file gives no status), a time it gives as the scheduled one: mark a train departed or arrived in the daily log once it has run</source>
        <translation>{count} 个班次按枢纽时钟尚未开行，已读作“计划中”（文件未给出状态），文件给出的时间读作计划时间：班次开行后请在每日台账中标为“已发运”或“已到达”</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="730"/>
        <source>the actual time of {count} service(s), given as a time of day alone, read on the day before or after the service&apos;s date, at most 12 hours before or 18 after its scheduled time (00:05 of a train due at 23:50 as past midnight)</source>
        <translation>{count} 个班次的实际时间只给出了时刻，已按计划时间读作班次日期的前一天或后一天，早于计划时间不超过 12 小时、晚于计划时间不超过 18 小时（计划 23:50 的班列，00:05 读作次日凌晨）</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="751"/>
        <source>{count} container(s) leaving again with no arrival logged since they last left: {containers}</source>
        <translation>{count} 个集装箱再次离开，上次离开后没有到达记录：{containers}</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="761"/>
        <source>{number} ({service}, {date})</source>
        <translation>{number}（{service}，{date}）</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="743"/>
        <source>{count} container(s) arriving again with no departure logged since they last arrived: {containers}</source>
        <translation>{count} 个集装箱再次到达，上次到达后没有离开记录：{containers}</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="794"/>
        <source>{count} hidden row(s) left out (hidden or filtered out in the workbook): line(s) {lines}</source>
        <translation>已略过 {count} 个隐藏行（在工作簿中被隐藏或被筛选掉）：第 {lines} 行</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="809"/>
        <source>{count} hidden column(s) left out (hidden in the workbook): {columns}</source>
        <translation>已略过 {count} 个隐藏列（在工作簿中被隐藏）：{columns}</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="821"/>
        <source>{count} repeated header row(s) left out, with the title above: lines {lines}</source>
        <translation>已略过 {count} 个重复的表头行及其上方的标题：第 {lines} 行</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="822"/>
        <source>{count} repeated header row(s) left out: line(s) {lines}</source>
        <translation>已略过 {count} 个重复的表头行：第 {lines} 行</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="838"/>
        <source>{count} total line(s) left out, as a total holds no container</source>
        <translation>已略过 {count} 个合计行（合计行不含集装箱）</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="845"/>
        <source>{services}, {containers}, {teu} TEU</source>
        <translation>{services}，{containers}，{teu} 标箱</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="854"/>
        <source>{count} service(s)</source>
        <translation>{count} 个班次</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="856"/>
        <source>{count} container(s)</source>
        <translation>{count} 箱</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="23"/>
        <source>Outbound</source>
        <translation>去程</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="24"/>
        <source>Inbound</source>
        <translation>回程</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/records.py" line="32"/>
        <source>Rail</source>
        <translation>铁路</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/records.py" line="33"/>
        <source>Road</source>
        <translation>公路</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/records.py" line="34"/>
        <source>River</source>
        <translation>水运</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/records.py" line="35"/>
        <source>Rail-sea</source>
        <translation>铁海联运</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/records.py" line="49"/>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/records.py" line="50"/>
        <source>Departed</source>
        <translation>已发运</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/records.py" line="51"/>
        <source>Arrived</source>
        <translation>已到达</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/records.py" line="52"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="50"/>
        <source>F</source>
        <comment>a full container, one letter</comment>
        <translation>重</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="51"/>
        <source>E</source>
        <comment>an empty container, one letter</comment>
        <translation>空</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="120"/>
        <source>{refusal}. The reason is kept in the audit log.</source>
        <translation>{refusal}。原因将记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="129"/>
        <source>see the log for details</source>
        <translation>详情请见日志</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="164"/>
        <source>The first day is after the last day.</source>
        <translation>起始日期晚于结束日期。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="170"/>
        <source>The database is read-only: nothing in it can be changed. Make it writable (or connect to one that is) and open it again to record changes.</source>
        <translation>数据库为只读：其中任何内容都无法更改。请将其设为可写（或连接到可写的数据库），重新打开后才能记录更改。</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../hubapp/domain/iso6346.py" line="43"/>
        <source>Container number is empty</source>
        <translation>箱号为空</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/iso6346.py" line="46"/>
        <source>Container number {number} has {count} character(s); expected 11 (owner code, category letter, 6-digit serial, check digit)</source>
        <translation>箱号 {number} 有 {count} 个字符，应为 11 个（箱主代码、类别字母、6 位序号、校验位）</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/iso6346.py" line="54"/>
        <source>Container number {number} must be 3 letters, then U, J, Z or R, then 7 digits</source>
        <translation>箱号 {number} 应为 3 个字母，接 U、J、Z 或 R，再接 7 位数字</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/iso6346.py" line="62"/>
        <source>Check digit of {number} is {given}; it should be {expected}</source>
        <translation>{number} 的校验位是 {given}，应为 {expected}</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/sizetype.py" line="105"/>
        <source>Size-type {code} does not say which ISO 6346 code the box has: write its code from the container&apos;s plate or papers ({codes})</source>
        <translation>箱型 {code} 未表明该箱的 ISO 6346 代码：请按箱体铭牌或单证填写其代码（{codes}）</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/sizetype.py" line="111"/>
        <source>Size-type {code} is not an ISO 6346 code like 22G1, 42G1, 45G1 or L5G1, nor a shorthand like 20GP or 40HQ</source>
        <translation>箱型 {code} 不是 ISO 6346 代码（如 22G1、42G1、45G1、L5G1），也不是可识别的简写（如 20GP、40HQ）</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/sizetype.py" line="119"/>
        <source>Size-type {code}: height code {height} is unknown (expected 0, 2, 4, 5 or 6)</source>
        <translation>箱型 {code}：高度代码 {height} 未知（应为 0、2、4、5 或 6）</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/sizetype.py" line="127"/>
        <source>Size-type {code}: type {group} is unknown (expected one of {known})</source>
        <translation>箱型 {code}：类型 {group} 未知（应为 {known} 之一）</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/sizetype.py" line="153"/>
        <source>A {length} ft box ({code}) counts {allowed} TEU</source>
        <translation>{length} 英尺箱（{code}）计 {allowed} 标箱</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="312"/>
        <source>Service number {value!r} must be 1–20 letters, digits, &apos;-&apos; or &apos;/&apos; (like X8001)</source>
        <translation>班次号“{value}”应为 1–20 个字母、数字、“-”或“/”（如 X8001）</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="319"/>
        <source>Wagons must be between 0 and {max}, not {value}</source>
        <translation>车皮数应在 0 到 {max} 之间，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/reference_rules.py" line="64"/>
        <source>This field is required</source>
        <translation>此项必填</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/reference_rules.py" line="72"/>
        <source>A name may have at most {max} characters and this one has {length}: shorten it by {over} to save</source>
        <translation>名称最多 {max} 个字符，此名称有 {length} 个：请删去 {over} 个字符后再保存</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/reference_rules.py" line="95"/>
        <source>HS code {value!r} must be 6 digits (like 110620)</source>
        <translation>HS 编码“{value}”必须是 6 位数字（如 110620）</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/reference_rules.py" line="98"/>
        <source>HS code {value}: there is no HS chapter {chapter} (chapters run 01–97, without 77)</source>
        <translation>HS 编码 {value}：没有第 {chapter} 章（章号为 01–97，没有 77）</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/reference_rules.py" line="104"/>
        <source>HS code {value}: there is no heading 00 in a chapter (headings are numbered from 01, like 0803 in 080390)</source>
        <translation>HS 编码 {value}：章内没有 00 品目（品目从 01 起编号，如 080390 中的 0803）</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/reference_rules.py" line="110"/>
        <source>A name of digits only reads as an HS code in the daily log and imports: add a word</source>
        <translation>纯数字的名称在每日台账和导入中会被当作 HS 编码：请加上文字</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/reference_rules.py" line="114"/>
        <source>Choose the commodity&apos;s category</source>
        <translation>请选择货名的类别</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/reference_rules.py" line="117"/>
        <source>Category {value!r} is not one of {known}</source>
        <translation>类别“{value}”不在 {known} 之中</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/reference_rules.py" line="175"/>
        <source>{name} is HS {code}, the pasted HS code is {value}: type the commodity again</source>
        <translation>{name} 的 HS 编码是 {code}，粘贴的 HS 编码是 {value}：请重新输入货名</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/reference_rules.py" line="170"/>
        <source>{name} is HS {code} since the hub changed it from {former} on {day}, and {former} is another commodity&apos;s now: the file says {value} on a later day. Correct the HS code</source>
        <translation>{name} 的 HS 编码自 {day} 起由 {former} 改为 {code}，而 {former} 现已属于另一种货物：文件中写的是 {value}，且日期在此之后。请更正 HS 编码</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/reference_rules.py" line="178"/>
        <source>{name} is HS {code} since the hub changed it from {former} on {day}, and {former} is another commodity&apos;s now: the pasted HS code is {value} on a later day. Type the commodity again</source>
        <translation>{name} 的 HS 编码自 {day} 起由 {former} 改为 {code}，而 {former} 现已属于另一种货物：粘贴的 HS 编码是 {value}，且日期在此之后。请重新输入货名</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/reference_rules.py" line="225"/>
        <source>HS code {value} is already {name}&apos;s: two commodities in use cannot share one (retire or change that one first)</source>
        <translation>HS 编码 {value} 已属于 {name}：两种在用货名不能共用一个编码（请先停用或修改那一种）</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/reference_rules.py" line="251"/>
        <source>{value!r} is taken: the daily log and imports read it as {taken!r}, {name}&apos;s</source>
        <translation>“{value}”已被占用：每日台账和导入会将其读作“{taken}”，即 {name}</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/reference_rules.py" line="260"/>
        <source>UN/LOCODE {value!r} must be a 2-letter country and 3 letters or digits 2–9 (like LAVTE)</source>
        <translation>UN/LOCODE “{value}”必须是 2 个字母的国家代码加 3 个字母或数字 2–9（如 LAVTE）</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/reference_rules.py" line="265"/>
        <source>Country {value!r} must be the first two letters of the UN/LOCODE</source>
        <translation>国家“{value}”必须是 UN/LOCODE 的前两个字母</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/reference_rules.py" line="274"/>
        <source>Route code {value!r} must be 1–20 capital letters, digits or &apos;-&apos; (like CN-LA)</source>
        <translation>线路代码“{value}”必须是 1–20 个大写字母、数字或“-”（如 CN-LA）</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/reference_rules.py" line="281"/>
        <source>Country {value!r} is not a 2-letter country code: give the codes like CN,LA, separated by commas or spaces</source>
        <translation>国家“{value}”不是两个字母的国家代码：请填写如 CN,LA 的代码，用逗号或空格分隔</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/reference_rules.py" line="292"/>
        <source>Not a known place: {value!r}</source>
        <translation>未知地点：“{value}”</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/reference_rules.py" line="295"/>
        <location filename="../../hubapp/domain/validation.py" line="326"/>
        <source>Destination {value} is the same as the origin</source>
        <translation>目的地 {value} 与始发地相同</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/reference_rules.py" line="312"/>
        <source>A 45 ft container counts as 2 or 2.25 TEU, not {value}</source>
        <translation>45 英尺箱计为 2 或 2.25 标箱，不能是 {value}</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/reference_rules.py" line="320"/>
        <source>{value!r} is not a time zone: choose one from the list, like Asia/Shanghai, or leave it empty for this computer&apos;s</source>
        <translation>“{value}”不是时区：请从列表中选择，如 Asia/Shanghai，或留空以使用本机时区</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/reference_rules.py" line="345"/>
        <source>Expected a whole number from {low} to {high}, not {value}</source>
        <translation>应为 {low} 到 {high} 之间的整数，不能是 {value}</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="104"/>
        <source>{number} is marked departed at {value}, which is later than now on the hub&apos;s clock ({now}, {zone}): mark it planned until it runs</source>
        <translation>{number} 标为已于 {value} 发运，晚于枢纽时钟的当前时间（{now}，{zone}）：实际发运前请标为“计划中”</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="107"/>
        <source>{number} is marked arrived at {value}, which is later than now on the hub&apos;s clock ({now}, {zone}): mark it planned until it runs</source>
        <translation>{number} 标为已于 {value} 到达，晚于枢纽时钟的当前时间（{now}，{zone}）：实际到达前请标为“计划中”</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="110"/>
        <source>{number} is marked departed on {date}, a day still to come on the hub&apos;s clock ({now}, {zone}): mark it planned until it runs</source>
        <translation>{number} 标为已于 {date} 发运，按枢纽时钟（{now}，{zone}）该日尚未到来：实际发运前请标为“计划中”</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="113"/>
        <source>{number} is marked arrived on {date}, a day still to come on the hub&apos;s clock ({now}, {zone}): mark it planned until it runs</source>
        <translation>{number} 标为已于 {date} 到达，按枢纽时钟（{now}，{zone}）该日尚未到来：实际到达前请标为“计划中”</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="417"/>
        <source>Full/empty must be F or E, not {value!r}</source>
        <translation>空重应为 F 或 E，而不是“{value}”</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="429"/>
        <source>Seal {value!r} is a number the spreadsheet showed in scientific notation, and its digits are lost: format the column as Text and type or paste the seal again</source>
        <translation>铅封“{value}”是电子表格以科学计数法显示的数字，其位数已丢失：请将该列设为文本格式，再重新输入或粘贴铅封号</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="433"/>
        <source>Shipper {value!r} is a number the spreadsheet showed in scientific notation, and its digits are lost: format the column as Text and type or paste it again</source>
        <translation>发货人“{value}”是电子表格以科学计数法显示的数字，其位数已丢失：请将该列设为文本格式，再重新输入或粘贴</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="437"/>
        <source>Consignee {value!r} is a number the spreadsheet showed in scientific notation, and its digits are lost: format the column as Text and type or paste it again</source>
        <translation>收货人“{value}”是电子表格以科学计数法显示的数字，其位数已丢失：请将该列设为文本格式，再重新输入或粘贴</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="448"/>
        <source>Remarks {value!r} hold a NUL character, which no text holds (pasted from another program?): clear them and type them again</source>
        <translation>备注“{value}”含有 NUL 字符，正常文字中不会有（是从其他程序粘贴的吗？）：请清空后重新输入</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="451"/>
        <source>Shipper {value!r} holds a NUL character, which no text holds (pasted from another program?): clear it and type it again</source>
        <translation>发货人“{value}”含有 NUL 字符，正常文字中不会有（是从其他程序粘贴的吗？）：请清空后重新输入</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="454"/>
        <source>Consignee {value!r} holds a NUL character, which no text holds (pasted from another program?): clear it and type it again</source>
        <translation>收货人“{value}”含有 NUL 字符，正常文字中不会有（是从其他程序粘贴的吗？）：请清空后重新输入</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="519"/>
        <source>Seal {value!r} holds a line break or tab: one seal per box</source>
        <translation>铅封“{value}”含有换行或制表符：每个箱子只填一个铅封</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="538"/>
        <source>Gross weight is required for a full container</source>
        <translation>重箱必须填写毛重</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="545"/>
        <source>Gross weight {value:,} kg is outside {low:,}–{high:,} kg for a {feet} ft container</source>
        <translation>毛重 {value:,} 千克超出 {feet} 英尺箱的范围 {low:,}–{high:,} 千克</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="556"/>
        <source>Gross weight {value!r} is outside {low:,}–{high:,} kg for a {feet} ft container: in tonnes, or with a dot for thousands? Type kilograms, like {example:,}</source>
        <translation>毛重“{value}”超出 {feet} 英尺箱的范围 {low:,}–{high:,} 千克：是否按吨填写，或用点作千位分隔符？请填千克数，如 {example:,}</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="561"/>
        <source>Gross weight {value!r} is outside {low:,}–{high:,} kg for a {feet} ft container</source>
        <translation>毛重“{value}”超出 {feet} 英尺箱的范围 {low:,}–{high:,} 千克</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="579"/>
        <source>Container {number} is already on this service (row {other})</source>
        <translation>箱号 {number} 已在本班次中（第 {other} 行）</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="594"/>
        <source>Container {number} is still on cancelled service {other} this day: take it off that service first</source>
        <translation>箱号 {number} 当天仍在已取消的班次 {other} 中：请先从该班次中移除</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="614"/>
        <source>Gross weight {value!r} has a comma that does not group thousands (a decimal comma?): type kilograms with a dot before any fraction, like 24,500 or 2400.5</source>
        <translation>毛重“{value}”中的逗号不是千位分隔符（是小数逗号吗？）：请填千克数，小数前用小数点，如 24,500 或 2400.5</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="652"/>
        <source>Gross weight {value!r} is in tonnes: type kilograms, like {example:,}</source>
        <translation>毛重“{value}”是吨数：请填千克数，如 {example:,}</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="656"/>
        <source>Gross weight {value!r} is in tonnes: type kilograms, within {low:,}–{high:,} kg for a {feet} ft container</source>
        <translation>毛重“{value}”是吨数：请填千克数，{feet} 英尺箱应在 {low:,}–{high:,} 千克之间</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="660"/>
        <source>Gross weight {value!r} is not a number of kilograms: type kilograms in figures, like {example:,}</source>
        <translation>毛重“{value}”不是千克数：请用阿拉伯数字填千克数，如 {example:,}</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="709"/>
        <source>Commodity {value!r} is not in the list (name in English or Chinese, or HS code); a supervisor adds a new one in Reference data</source>
        <translation>货名“{value}”不在货名表中（请用中文或英文名称，或 HS 编码）；新货名由主管在“基础数据”中添加</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="713"/>
        <source>Commodity {value!r} is not in the list (name in English or Chinese, or HS code): did you mean {near}?</source>
        <translation>货名“{value}”不在货名表中（请用中文或英文名称，或 HS 编码）：是否为 {near}？</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="812"/>
        <source>Size-type is empty; expected an ISO 6346 code like 22G1 or 45G1</source>
        <translation>箱型为空；应填 ISO 6346 箱型代码，如 22G1 或 45G1</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="818"/>
        <source>Full/empty {value!r} is not one of F, E, full, empty, 重, 空</source>
        <translation>空重“{value}”不是 F、E、full、empty、重、空 之一</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="61"/>
        <source>Scheduled time {value} is too far from the service&apos;s date {date}: it must be from 3 days before it to the day after</source>
        <translation>计划时间 {value} 与班次日期 {date} 相差太远：应在其前 3 天至后 1 天之间</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="64"/>
        <source>Actual time {value} is too far from the service&apos;s date {date}: it must be on that day, the day before or the day after</source>
        <translation>实际时间 {value} 与班次日期 {date} 相差太远：应在当天、前一天或后一天</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="73"/>
        <source>Date {value} is outside the years {first}–{last} the hub&apos;s records can hold: check the year</source>
        <translation>日期 {value} 超出枢纽记录可保存的年份 {first}–{last}：请检查年份</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="76"/>
        <source>Scheduled time {value} is outside the years {first}–{last} the hub&apos;s records can hold: check the year</source>
        <translation>计划时间 {value} 超出枢纽记录可保存的年份 {first}–{last}：请检查年份</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="79"/>
        <source>Actual time {value} is outside the years {first}–{last} the hub&apos;s records can hold: check the year</source>
        <translation>实际时间 {value} 超出枢纽记录可保存的年份 {first}–{last}：请检查年份</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="86"/>
        <source>Scheduled time {value} never showed on the hub&apos;s clock ({zone}): its clocks went forward an hour then; type the time as the clock read it</source>
        <translation>计划时间 {value} 在枢纽时钟（{zone}）上并不存在：该时刻因夏令时拨快一小时而被跳过；请按时钟当时显示的时间填写</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="89"/>
        <source>Actual time {value} never showed on the hub&apos;s clock ({zone}): its clocks went forward an hour then; type the time as the clock read it</source>
        <translation>实际时间 {value} 在枢纽时钟（{zone}）上并不存在：该时刻因夏令时拨快一小时而被跳过；请按时钟当时显示的时间填写</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="307"/>
        <source>A service number is required (like X8001)</source>
        <translation>请填写班次号（如 X8001）</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="371"/>
        <source>Service {number} already exists on {date} ({direction}): open it in the list, or use another number</source>
        <translation>班次 {number} 在 {date}（{direction}）已存在：请在列表中打开它，或换一个班次号</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="597"/>
        <source>Container {number} is already on service {other} this day: take it off {other} and save that service first</source>
        <translation>箱号 {number} 当天已在班次 {other} 中：请先将该箱从班次 {other} 中移除并保存该班次</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="684"/>
        <source>Gross weight must be more than 0 kg, not {value}</source>
        <translation>毛重必须大于 0 千克，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/validation.py" line="827"/>
        <source>Gross weight is required: a box without F/E counts as full (type E for an empty one)</source>
        <translation>毛重必填：未填空重的箱按重箱计（空箱请填 E）</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/parsing.py" line="508"/>
        <source>Column {other!r} already gives {name}; map one of them to another field or ignore it</source>
        <translation>列“{other}”已对应 {name}；请将其中一列对应到其他字段或忽略</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/parsing.py" line="372"/>
        <source>The file has a header but no rows</source>
        <translation>文件只有表头，没有数据行</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/parsing.py" line="418"/>
        <source>The same container is already on line {other} for this day and direction</source>
        <translation>同一集装箱已出现在第 {other} 行（同一天、同一方向）</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/parsing.py" line="325"/>
        <source>Line {other} gives {value!r} for the same service</source>
        <translation>第 {other} 行为同一班次填写的是“{value}”</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/parsing.py" line="467"/>
        <source>Column {field} is missing (header {name} or {chinese}), which full containers need; column {other!r} was left out: give its weights in kilograms under one of those headers</source>
        <translation>缺少列 {field}（表头为 {name} 或 {chinese}），重箱必须填写毛重；列“{other}”未导入：请将其中的重量换算为千克，填在上述表头下</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/parsing.py" line="472"/>
        <source>Column {field} is missing (header {name} or {chinese}), which full containers need</source>
        <translation>缺少列 {field}（表头为 {name} 或 {chinese}），重箱必须填写毛重</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/parsing.py" line="481"/>
        <source>“{extra}” stands in a column without a header, right of the last one ({header}): give that column a header, or remove the value</source>
        <translation>“{extra}”位于没有表头的一列（在最后一列“{header}”右侧）：请给该列加上表头，或删除这个值</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/parsing.py" line="488"/>
        <source>“{extra}” stands in a column without a header, right of the last one ({header}): give that column a header, or remove the value; if a value of this line holds a comma, write it in double quotes (&quot;rice, brown&quot;)</source>
        <translation>“{extra}”位于没有表头的一列（在最后一列“{header}”右侧）：请给该列加上表头，或删除这个值；如果这一行有值含逗号，请用英文双引号括起来（&quot;rice, brown&quot;）</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/parsing.py" line="492"/>
        <source>this line has {cells} cells but the header {columns}, so its values stand in the wrong columns; past the last one: “{extra}”. A value holding a comma must be written in double quotes (&quot;rice, brown&quot;)</source>
        <translation>这一行有 {cells} 个单元格，表头只有 {columns} 个，各值已错位到别的列；超出最后一列的是：“{extra}”。含逗号的值须用英文双引号括起来（&quot;rice, brown&quot;）</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/parsing.py" line="511"/>
        <source>This column gives the actual time (an outbound train&apos;s departure, an inbound one&apos;s arrival), and column {other!r} a time of the train too: map this one to {free!r} above, or ignore one of the two</source>
        <translation>此列给出实际时间（去程班列为发车时间，回程班列为到达时间），而列“{other}”也给出班列的时间：请在上方把此列对应为“{free}”，或忽略两列之一</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/parsing.py" line="541"/>
        <source>Required column {field} is missing from sheet “{sheet}” (header {name} or {chinese})</source>
        <translation>工作表“{sheet}”缺少必需的列 {field}（表头为 {name} 或 {chinese}）</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/parsing.py" line="543"/>
        <source>Required column {field} is missing (header {name} or {chinese})</source>
        <translation>缺少必需的列 {field}（表头为 {name} 或 {chinese}）</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/parsing.py" line="554"/>
        <source>This column gives the actual time (an outbound train&apos;s departure, an inbound one&apos;s arrival), and columns {departure!r} and {arrival!r} the departure and the arrival already: leave this one out</source>
        <translation>此列给出实际时间（去程班列为发车时间，回程班列为到达时间），而列“{departure}”和“{arrival}”已分别给出发车时间和到达时间：请删去此列</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/parsing.py" line="635"/>
        <source>There is no {date}: its month has {days} days</source>
        <translation>没有 {date} 这一天：该月只有 {days} 天</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/parsing.py" line="641"/>
        <source>Expected a date like 2026-03-05 or 2026/3/5</source>
        <translation>应为日期，如 2026-03-05 或 2026/3/5</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/parsing.py" line="643"/>
        <source>The date is required (like 2026-03-05 or 2026/3/5)</source>
        <translation>日期为必填项（如 2026-03-05 或 2026/3/5）</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/parsing.py" line="651"/>
        <source>The service number is required (like X8001)</source>
        <translation>班次号为必填项（如 X8001）</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/reference_rules.py" line="167"/>
        <source>{name} is HS {code}, the file says {value}: correct the commodity or the HS code</source>
        <translation>{name} 的 HS 编码是 {code}，文件中写的是 {value}：请更正货名或 HS 编码</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/reference_rules.py" line="285"/>
        <location filename="../../hubapp/interchange/parsing.py" line="668"/>
        <source>Expected rail, road, river or rail-sea</source>
        <translation>应为 rail、road、river 或 rail-sea（铁路、公路、水运、铁海联运）</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/parsing.py" line="670"/>
        <source>Expected planned, departed, arrived or cancelled</source>
        <translation>应为 planned、departed、arrived 或 cancelled（计划中、已发运、已到达、已取消）</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/parsing.py" line="683"/>
        <source>Not a known route: give its code (like CN-LA) or its English or Chinese name</source>
        <translation>未知线路：请填写线路代码（如 CN-LA）或中英文名称</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/parsing.py" line="516"/>
        <source>Not a known place: give its UN/LOCODE (like LAVTE) or its English or Chinese name</source>
        <translation>未知地点：请填写 UN/LOCODE（如 LAVTE）或中英文名称</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/parsing.py" line="656"/>
        <source>Expected outbound or inbound (also out/in, 出口/进口, 去程/回程, 发/到)</source>
        <translation>应为 outbound 或 inbound（也可写 out/in、出口/进口、去程/回程、发/到）</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/parsing.py" line="710"/>
        <source>Expected a time like 08:30 or 2026-03-06 00:15</source>
        <translation>应为时间，如 08:30 或 2026-03-06 00:15</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/parsing.py" line="725"/>
        <source>Expected a whole number of wagons</source>
        <translation>车皮数应为整数</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/reading.py" line="76"/>
        <source>Cannot read {name}: {reason}</source>
        <translation>无法读取 {name}：{reason}</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/delimited.py" line="54"/>
        <location filename="../../hubapp/interchange/table.py" line="98"/>
        <source>{name} is empty</source>
        <translation>{name} 是空文件</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/encodings.py" line="33"/>
        <source>{name} is not a CSV or XLSX file (it holds binary data); save the list as CSV (UTF-8) or XLSX</source>
        <translation>{name} 不是 CSV 或 XLSX 文件（含有二进制数据）；请将清单另存为 CSV (UTF-8) 或 XLSX</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/delimited.py" line="78"/>
        <source>{name}, line {line}: a cell opened with &quot; is never closed; close it or remove the quote</source>
        <translation>{name}，第 {line} 行：某个单元格以 &quot; 开头却没有闭合；请补上闭合的引号或删除该引号</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/reading.py" line="65"/>
        <source>{name} is an old Excel 97-2003 .xls file; save it as .xlsx or CSV in Excel or WPS and import that</source>
        <translation>{name} 是旧版 Excel 97-2003 .xls 文件；请在 Excel 或 WPS 中另存为 .xlsx 或 CSV 后再导入</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/reading.py" line="69"/>
        <source>{name} is read as CSV text, not a workbook: it has no sheet “{sheet}” to read; import it without naming one</source>
        <translation>{name} 按 CSV 文本读取，不是工作簿：其中没有可读取的工作表“{sheet}”；请不要指定工作表，直接导入</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/reading.py" line="84"/>
        <source>{name} holds {size:,} MB of text, more than the {limit:,} MB a CSV is read up to; split it into files of fewer days and import each one</source>
        <translation>{name} 有 {size:,} MB 文本，超过 CSV 可读取的上限 {limit:,} MB；请按日期将其拆分为较小的文件，再逐个导入</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/reading.py" line="104"/>
        <source>{name} is not a file that can be read as a loading list (it is a folder, a device or a pipe); choose the list&apos;s CSV or XLSX file</source>
        <translation>{name} 不是可作为装箱清单读取的文件（它是文件夹、设备或管道）；请选择清单的 CSV 或 XLSX 文件</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/delimited.py" line="84"/>
        <source>{name}, line {line}: a quoted cell goes on after its closing &quot;; write a quote inside a cell as &quot;&quot;, or remove the quotes</source>
        <translation>{name}，第 {line} 行：带引号的单元格在闭合引号之后还有内容；单元格内的引号请写成 &quot;&quot;，或删除这些引号</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/delimited.py" line="88"/>
        <source>{name}, line {line}: {reason}</source>
        <translation>{name}，第 {line} 行：{reason}</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/delimited.py" line="110"/>
        <source>{name}, line {line}: the header&apos;s columns are separated by a full-width “{mark}” (“{header}”), which CSV does not split at: type a comma (,) in its place, or save the list from Excel or WPS as CSV</source>
        <translation>{name}，第 {line} 行：表头各列之间用的是全角“{mark}”（“{header}”），CSV 不按它分列：请改为半角逗号（,），或在 Excel 或 WPS 中另存为 CSV</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/encodings.py" line="45"/>
        <source>{name}, line {line}, character {column} (in “{cell}”): a NUL character, which no text holds (binary data pasted in?); remove it, save the file as CSV (UTF-8) and import it again</source>
        <translation>{name} 第 {line} 行第 {column} 个字符（在“{cell}”中）：一个 NUL 字符，文本中不应有此字符（是否粘贴了二进制数据？）；请删除它，将文件另存为 CSV (UTF-8) 后重新导入</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/delimited.py" line="136"/>
        <source>{name}, line {line}, {column}: a quoted cell runs over several lines, which only notes, shipper and consignee may: remove the line break typed in it (Alt+Enter), or the stray &quot; that opened it</source>
        <translation>{name}，第 {line} 行，{column}：带引号的单元格跨了多行，而只有备注、发货人和收货人允许多行：请删除单元格中输入的换行（Alt+Enter），或删除单元格开头多余的那个 &quot;</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/encodings.py" line="81"/>
        <source>{name} is not UTF-8, GB18030/GBK or Windows-1252 text; save it as CSV (UTF-8) or XLSX</source>
        <translation>{name} 不是 UTF-8、GB18030/GBK 或 Windows-1252 文本；请另存为 CSV (UTF-8) 或 XLSX</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/encodings.py" line="101"/>
        <source>{name}, line {line}, character {column} (in “{cell}”): a character that is neither GB18030/GBK nor Big5 text (text from a file in another encoding?); correct that text, save the file as CSV (UTF-8) and import it again</source>
        <translation>{name} 第 {line} 行第 {column} 个字符（在“{cell}”中）：该字符既不是 GB18030/GBK 文本，也不是 Big5 文本（是否从其他编码的文件复制了文字？）；请更正该文字，将文件另存为 CSV (UTF-8) 后重新导入</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/encodings.py" line="143"/>
        <source>{name}, line {line}, character {column} (in “{cell}”): a byte that is not UTF-8 in a UTF-8 file (text from a file in another encoding?); correct that text, save the file as CSV (UTF-8) and import it again</source>
        <translation>{name} 第 {line} 行第 {column} 个字符（在“{cell}”中）：UTF-8 文件中有一个不是 UTF-8 的字节（是否从其他编码的文件复制了文字？）；请更正该文字，将文件另存为 CSV (UTF-8) 后重新导入</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/workbook.py" line="83"/>
        <source>{name} is an Apple Numbers file; in Numbers, export it as Excel (.xlsx) or CSV and import that</source>
        <translation>{name} 是 Apple Numbers 文件；请在 Numbers 中导出为 Excel (.xlsx) 或 CSV 后再导入</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/workbook.py" line="125"/>
        <source>{name} is not a readable XLSX workbook: it is damaged or not a workbook; open it in Excel or WPS and save it again as .xlsx</source>
        <translation>{name} 不是可读取的 XLSX 工作簿：文件已损坏或不是工作簿；请用 Excel 或 WPS 打开后重新另存为 .xlsx</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/workbook.py" line="91"/>
        <source>{name} has no worksheet</source>
        <translation>{name} 中没有工作表</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/workbook.py" line="250"/>
        <source>{name}: its part {part} unpacks to more than {limit:,} MB, far more than a workbook of a loading list holds; is it the right file?</source>
        <translation>{name}：其中的部件 {part} 解压后超过 {limit:,} MB，远超任何装箱清单工作簿的大小；是否选错了文件？</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/workbook.py" line="258"/>
        <source>{name}: its part {part} holds more than {limit:,} texts, more than a loading list of Excel&apos;s {rows:,} rows needs; is it the right file?</source>
        <translation>{name}：其中的部件 {part} 含有超过 {limit:,} 条文本，比 Excel 最多 {rows:,} 行的装箱清单所需的还多；是否选错了文件？</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/workbook.py" line="304"/>
        <source>{name}: a cell of more than {limit:,} characters, more than Excel holds in one; no loading list has such a cell: is it the right file?</source>
        <translation>{name}：有一个单元格超过 {limit:,} 个字符，超出 Excel 单个单元格的容量；装箱清单不会有这样的单元格：是否选错了文件？</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/workbook.py" line="410"/>
        <source>{name}: the sheet “{sheet}” has more than {limit:,} rows, more than Excel holds; no loading list is so long: is it the right file?</source>
        <translation>{name}：工作表“{sheet}”超过 {limit:,} 行，超出 Excel 的容量；装箱清单不会这么长：是否选错了文件？</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/table.py" line="200"/>
        <source>{name}, line {line}: a cell of more than {limit:,} characters, more than Excel holds in one; no loading list has such a cell: is it the right file?</source>
        <translation>{name} 第 {line} 行：有一个单元格超过 {limit:,} 个字符，超出 Excel 单个单元格的容量；装箱清单不会有这样的单元格：是否选错了文件？</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/workbook.py" line="417"/>
        <source>{name}: a row of the sheet “{sheet}” has more than {limit:,} cells, more than Excel holds; no loading list is so wide: is it the right file?</source>
        <translation>{name}：工作表“{sheet}”中有一行超过 {limit:,} 个单元格，超出 Excel 的容量；装箱清单不会这么宽：是否选错了文件？</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/workbook.py" line="510"/>
        <source>{name} has no sheet “{sheet}”; its sheets are {sheets}</source>
        <translation>{name} 中没有工作表“{sheet}”；其中的工作表为 {sheets}</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/workbook.py" line="513"/>
        <source>Sheet “{sheet}” of {name} is hidden, and a hidden sheet is not read: show it in Excel or WPS first, or choose one of {sheets}</source>
        <translation>{name} 的工作表“{sheet}”已隐藏，隐藏的工作表不会读取：请先在 Excel 或 WPS 中取消隐藏，或选择 {sheets} 之一</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/workbook.py" line="663"/>
        <source>{name}, line {line}, {column}: a formula without a computed value: open and save the workbook in Excel or WPS, then import again</source>
        <translation>{name} 第 {line} 行，{column}：公式没有计算结果：请在 Excel 或 WPS 中打开并保存该工作簿，然后重新导入</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/workbook.py" line="682"/>
        <source>{name}, line {line}, {column}: the spreadsheet stored this value as a number, which keeps only 15 digits: format the column as Text and type the value again</source>
        <translation>{name}，第 {line} 行，{column}：电子表格把这个值存成了数字，而数字只保留 15 位：请把该列设置为“文本”格式，再重新输入该值</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/writing.py" line="183"/>
        <source>Export to a .csv or .xlsx file, not {name}</source>
        <translation>请导出为 .csv 或 .xlsx 文件，而不是 {name}</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/writing.py" line="100"/>
        <source>No services between {first} and {last}; no file written</source>
        <translation>{first} 至 {last} 之间没有班次；未写入文件</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/writing.py" line="103"/>
        <source>{count:,} row(s) and a header do not fit in an XLSX sheet, which holds {limit:,} rows: narrow the dates, or export to CSV; no file written</source>
        <translation>{count:,} 行数据加表头超出 XLSX 工作表的容量（最多 {limit:,} 行）：请缩小日期范围，或导出为 CSV；未写入文件</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/writing.py" line="127"/>
        <source>No movements match these filters; no file written</source>
        <translation>没有符合这些筛选条件的箱动态；未写入文件</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/writing.py" line="129"/>
        <source>{count:,} row(s) and a header do not fit in an XLSX sheet, which holds {limit:,} rows: narrow the filters or dates, or export to CSV; no file written</source>
        <translation>{count:,} 行数据加表头超出 XLSX 工作表的容量（最多 {limit:,} 行）：请缩小筛选条件或日期范围，或导出为 CSV；未写入文件</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/writing.py" line="170"/>
        <location filename="../../hubapp/interchange/writing.py" line="498"/>
        <source>Cannot write {name}: {reason}</source>
        <translation>无法写入 {name}：{reason}</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/writing.py" line="179"/>
        <source>The export file {path} needs a name before its ending</source>
        <translation>导出文件 {path} 在扩展名之前需要有文件名</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/writing.py" line="202"/>
        <source>{path} is the hub&apos;s database; choose another file name</source>
        <translation>{path} 是本枢纽的数据库，请换一个文件名</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/writing.py" line="209"/>
        <source>{path} is a database (a backup or another hub&apos;s?); choose another file name</source>
        <translation>{path} 是一个数据库文件（备份或其他枢纽的数据库？），请换一个文件名</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/writing.py" line="358"/>
        <source>Cannot write {name}: the temporary folder {folder}, where an Excel file is put together first, cannot be written ({reason})</source>
        <translation>无法写入 {name}：Excel 文件要先在临时文件夹 {folder} 中生成，而该文件夹无法写入（{reason}）</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/backup.py" line="182"/>
        <source>A backup cannot overwrite the database itself ({path})</source>
        <translation>备份不能覆盖数据库本身（{path}）</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/backup.py" line="207"/>
        <source>{path} exists and is not a database; choose another file name</source>
        <translation>{path} 已存在且不是数据库；请换一个文件名</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/whole_file.py" line="32"/>
        <source>Cannot write the backup {path}: folder {folder} does not exist</source>
        <translation>无法写入备份 {path}：文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/backup.py" line="191"/>
        <location filename="../../hubapp/store/server_backup.py" line="116"/>
        <source>Cannot write the backup {path}: {reason}</source>
        <translation>无法写入备份 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/backup.py" line="125"/>
        <source>Cannot make the backup folder {path}: {reason}</source>
        <translation>无法创建备份文件夹 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/backup.py" line="67"/>
        <source>copying the database…</source>
        <translation>正在复制数据库…</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/backup.py" line="68"/>
        <source>checking the copy…</source>
        <translation>正在检查副本…</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/backup.py" line="69"/>
        <source>checking the backup…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/backup.py" line="70"/>
        <source>keeping a copy of the data as it is…</source>
        <translation>正在保留当前数据的副本…</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/backup.py" line="71"/>
        <source>readying the backup&apos;s data…</source>
        <translation>正在准备备份的数据…</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/backup.py" line="72"/>
        <source>replacing the data…</source>
        <translation>正在替换数据…</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/backup.py" line="107"/>
        <source>{value!r} is not a full path: type one such as {example}, or choose the folder</source>
        <translation>“{value}”不是完整路径：请输入完整路径（如 {example}），或选择文件夹</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/backup.py" line="115"/>
        <source>Cannot write in the backup folder {path}: {reason}</source>
        <translation>无法在备份文件夹 {path} 中写入：{reason}</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/backup.py" line="212"/>
        <source>{path} is a database in use, not a backup: a backup does not replace it. Choose another file name; to put a backup&apos;s data into {path}, restore it (hubapp restore, or File ▸ Restore from backup…)</source>
        <translation>{path} 是正在使用的数据库，不是备份：备份不会覆盖它。请换一个文件名；如要把备份的数据放进 {path}，请恢复备份（hubapp restore，或“文件 ▸ 从备份恢复…”）</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/backup.py" line="222"/>
        <source>{path} is a database but not a Hub Desk backup: a backup does not replace it. Choose another file name</source>
        <translation>{path} 是数据库，但不是枢纽工作台的备份：备份不会覆盖它。请换一个文件名</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/backup.py" line="420"/>
        <source>{path} holds no Hub Desk data: it is not a backup</source>
        <translation>{path} 中没有枢纽工作台数据：它不是备份文件</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/backup.py" line="431"/>
        <source>{path} is damaged or incomplete: it cannot be restored; choose another backup. The database is unchanged</source>
        <translation>{path} 已损坏或不完整：无法用它恢复；请选择其他备份。数据库未作任何改动</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/backup.py" line="435"/>
        <source>{path} is damaged ({problem}); it cannot be used</source>
        <translation>{path} 已损坏（{problem}），无法使用</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/backup.py" line="458"/>
        <source>Backup file {path} does not exist</source>
        <translation>备份文件 {path} 不存在</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/backup.py" line="565"/>
        <source>{path} is the database itself, not a backup of it</source>
        <translation>{path} 是数据库本身，不是它的备份</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/backup.py" line="572"/>
        <location filename="../../hubapp/store/db.py" line="305"/>
        <source>Folder {folder} does not exist</source>
        <translation>文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/backup.py" line="579"/>
        <source>Other desks kept saving to {path} while the restore ran: nothing was restored. Try again once they are closed</source>
        <translation>恢复期间其他工作台一直在向 {path} 保存：未进行恢复。请在关闭它们后重试</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/backup.py" line="762"/>
        <source>Cannot keep a copy of {path} before restoring: {reason}; nothing was restored</source>
        <translation>恢复前无法保留 {path} 的副本：{reason}；未进行恢复</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/backup.py" line="780"/>
        <source>The disk holding {folder} is full: the backup was not made (the data in the database is safe)</source>
        <translation>{folder} 所在磁盘已满：未能备份（数据库中的数据安然无恙）</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/backup.py" line="783"/>
        <source>The disk holding {folder} is full: the restore was not made, and the database is as it was. Restoring this backup needs about {size} free there</source>
        <translation>{folder} 所在磁盘已满：未能恢复，数据库保持原样。恢复此备份需要该处约 {size} 的可用空间</translation>
    </message>
    <message>
        <location filename="../../hubapp/reports/printing.py" line="88"/>
        <source>The report has {count} page(s); choose pages among them</source>
        <translation>报表共 {count} 页，请在此范围内选择页码</translation>
    </message>
    <message>
        <location filename="../../hubapp/reports/printing.py" line="521"/>
        <location filename="../../hubapp/store/backup.py" line="877"/>
        <location filename="../../hubapp/store/demo_data.py" line="64"/>
        <source>Cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../hubapp/reports/printing.py" line="527"/>
        <source>{path} is the hub&apos;s database; choose another file name for the report</source>
        <translation>{path} 是枢纽的数据库；请为报表换一个文件名</translation>
    </message>
    <message>
        <location filename="../../hubapp/reports/printing.py" line="535"/>
        <source>{path} exists and is not a PDF; choose another file name for the report</source>
        <translation>{path} 已存在且不是 PDF 文件；请为报表换一个文件名</translation>
    </message>
    <message>
        <location filename="../../hubapp/reports/printing.py" line="548"/>
        <source>No font that can show Chinese is installed, so a Chinese report would be empty boxes: install one (on Debian or Ubuntu, the package fonts-noto-cjk), or write the report in English (--lang en)</source>
        <translation>未安装可显示中文的字体，中文报表只会显示为空白方框：请安装一种中文字体（Debian 或 Ubuntu 上为软件包 fonts-noto-cjk），或改用英文报表（--lang en）</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/day_close.py" line="89"/>
        <source>Say why {date} is reopened</source>
        <translation>请说明重新开账 {date} 的原因</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/day_close.py" line="110"/>
        <source>{date} was already closed by {name} at {at}</source>
        <translation>{date} 已由 {name} 于 {at} 关账</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/day_close.py" line="119"/>
        <source>{date} is not closed</source>
        <translation>{date} 尚未关账</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/day_close.py" line="121"/>
        <source>{date} was already reopened by {name} at {at}</source>
        <translation>{date} 已由 {name} 于 {at} 重新开账</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/day_close.py" line="132"/>
        <source>{date} is still to come; a day can be closed once it has begun</source>
        <translation>{date} 尚未到来；日期开始后才能关账</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/day_close.py" line="183"/>
        <source>{date} was closed by {name}; ask a supervisor to reopen it before changing it</source>
        <translation>{date} 已由 {name} 关账；修改前请主管重新开账</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/day_close.py" line="185"/>
        <source>{date} is closed: give a reason for changing it</source>
        <translation>{date} 已关账：请填写修改原因</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/day_close.py" line="186"/>
        <source>It changes closed days: {days}; give a reason for changing them</source>
        <translation>这会改变已关账的日期：{days}；请填写修改原因</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/day_close.py" line="200"/>
        <source>This change alters the dwell time of containers that left on {date}, which {name} has closed; ask a supervisor to reopen {date} or to make the change</source>
        <translation>此修改会改变 {date} 离场集装箱的堆存时间，而该日已由 {name} 关账；请主管重新开账 {date}，或由主管修改</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/day_close.py" line="203"/>
        <source>This change alters the dwell time of containers that left on {date}, which is closed: give a reason for changing it</source>
        <translation>此修改会改变 {date}（已关账）离场集装箱的堆存时间：请填写修改原因</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/day_close.py" line="206"/>
        <source>This change alters the dwell time of containers that left on closed days: {days}; give a reason for changing them</source>
        <translation>此修改会改变已关账日期（{days}）离场集装箱的堆存时间；请填写修改原因</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/db.py" line="302"/>
        <source>Database {path} does not exist</source>
        <translation>数据库 {path} 不存在</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/db.py" line="309"/>
        <source>{path} is a folder, not a database file</source>
        <translation>{path} 是文件夹，不是数据库文件</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/db.py" line="315"/>
        <source>Cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/db.py" line="320"/>
        <source>{path} is empty (0 bytes): it holds no Hub Desk data</source>
        <translation>{path} 是空文件（0 字节）：其中没有枢纽工作台数据</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/db.py" line="341"/>
        <source>{path} is a loading list, not a Hub Desk database: open the hub, then read the list into it with File ▸ Import… (or hubapp import)</source>
        <translation>{path} 是装载清单，不是枢纽工作台数据库：请先打开枢纽，再用“文件 ▸ 导入…”（或 hubapp import）把清单读入其中</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/db.py" line="345"/>
        <source>{path} is not a Hub Desk database (it is not an SQLite file)</source>
        <translation>{path} 不是枢纽工作台数据库（不是 SQLite 文件）</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/db.py" line="354"/>
        <source>{path} is an SQLite database of another program, not a Hub Desk database</source>
        <translation>{path} 是其他程序的 SQLite 数据库，不是枢纽工作台数据库</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/db.py" line="452"/>
        <source>Database {path} has a save that was cut short (by a crash or a power cut) to undo first, which needs write access: make {path} and its folder writable, then open it again</source>
        <translation>数据库 {path} 有一次中断的保存（因崩溃或断电）需先撤销，这需要写权限：请将 {path} 及其所在文件夹设为可写，然后重新打开</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/db.py" line="458"/>
        <source>{path} was written by a newer version of Hub Desk (it has step {step}); install the newer version to open it</source>
        <translation>{path} 由更新版本的枢纽工作台写入（含步骤 {step}）；请安装新版本后再打开</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/db.py" line="461"/>
        <source>{path} was upgraded by a newer version of Hub Desk (it has step {step}) after this one opened it: nothing was saved. Start Hub Desk again, installing the newer version first if this computer does not have it</source>
        <translation>{path} 在本工作台打开后已被更新版本的枢纽工作台升级（含步骤 {step}）：未保存任何内容。请重新启动枢纽工作台；如本机尚未安装新版本，请先安装</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/db.py" line="507"/>
        <source>Database {path} was moved, renamed, deleted or replaced after this desk opened it, or its folder can no longer be reached: nothing was saved. Start Hub Desk again on the database where it is now, or restore it from a backup</source>
        <translation>数据库 {path} 在本工作台打开后已被移动、重命名、删除或替换，或其所在文件夹已无法访问：未保存任何内容。请在数据库现在所在的位置重新启动枢纽工作台，或从备份恢复它</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/db.py" line="780"/>
        <source>Database {path} is read-only: check the file&apos;s permissions</source>
        <translation>数据库 {path} 为只读：请检查文件权限</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/db.py" line="782"/>
        <source>{path} was written by an earlier version of Hub Desk and must be upgraded, which cannot be done while another desk or a command has it open. Close Hub Desk on every other desk and stop scheduled commands, then start again to upgrade this hub</source>
        <translation>{path} 由较早版本的枢纽工作台写入，须先升级，但其他工作台或命令仍打开着该文件时无法升级。请在其他所有工作台上退出枢纽工作台，并暂停计划任务中的命令，然后重新启动以升级此枢纽</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/db.py" line="788"/>
        <source>{path} cannot be moved to a server while another desk or a command has it open: what they save meanwhile would not reach the server. Close Hub Desk on every desk using this file and stop scheduled commands, then move it</source>
        <translation>其他工作台或命令仍打开着 {path} 时，无法将其迁移到服务器：它们在此期间保存的内容不会进入服务器。请在使用此文件的所有工作台上退出枢纽工作台，并暂停计划任务中的命令，然后再迁移</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/db.py" line="795"/>
        <source>The disk holding {path} is full: nothing was saved</source>
        <translation>{path} 所在的磁盘已满：未保存任何内容</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/db.py" line="798"/>
        <source>The disk holding {path} is full: Hub Desk needs a little room beside the file to open it (for its -wal and -shm files). Free some space there and try again</source>
        <translation>{path} 所在的磁盘已满：枢纽工作台需要在该文件旁留出少量空间才能打开它（用于其 -wal 和 -shm 文件）。请在该磁盘上释放一些空间后重试</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/db.py" line="803"/>
        <source>Writing to {path} failed (disk error or file too large): nothing was saved</source>
        <translation>写入 {path} 失败（磁盘错误或文件过大）：未保存任何内容</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/db.py" line="792"/>
        <source>{path} is not a Hub Desk database (damaged or not an SQLite file)</source>
        <translation>{path} 不是枢纽工作台数据库（已损坏或不是 SQLite 文件）</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/db.py" line="201"/>
        <source>{path} was written by an earlier version of Hub Desk and must be upgraded by this one to open, which needs write access to it and its folder {folder}</source>
        <translation>{path} 由较早版本的枢纽工作台写入，须经此版本升级后才能打开，这需要对该文件及其所在文件夹 {folder} 的写权限</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/db.py" line="335"/>
        <source>{path} is a backup of a server database, not a Hub Desk database file: connect to the server, then restore it there (File ▸ Restore from backup…, or hubapp restore with --db postgresql://…)</source>
        <translation>{path} 是服务器数据库的备份，不是枢纽工作台的数据库文件：请先连接到服务器，再在服务器上恢复（“文件 ▸ 从备份恢复…”，或使用 hubapp restore 并指定 --db postgresql://…）</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/db.py" line="646"/>
        <source>The disk holding {folder} is full: upgrading the database to this version of Hub Desk needs about {size} free there, for a copy of it and for the upgrade. The database is unchanged</source>
        <translation>{folder} 所在的磁盘已满：将数据库升级到此版本的枢纽工作台，需要该处约 {size} 的可用空间，用于数据库的一份副本和升级本身。数据库未作任何改动</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/db.py" line="794"/>
        <source>Database {path} is damaged; restore it from a backup</source>
        <translation>数据库 {path} 已损坏；请从备份恢复</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/db.py" line="805"/>
        <source>Cannot open database {path}: check the folder exists and is writable</source>
        <translation>无法打开数据库 {path}：请检查文件夹是否存在且可写入</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/db.py" line="819"/>
        <source>Database {path} cannot be used: its folder {folder} is read-only, and SQLite keeps its -wal and -shm files beside the database. Make the folder writable or copy the file to a folder that is</source>
        <translation>无法使用数据库 {path}：其所在文件夹 {folder} 为只读，而 SQLite 需要在数据库旁边存放 -wal 和 -shm 文件。请将该文件夹设为可写，或把文件复制到可写的文件夹</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/demo_data.py" line="105"/>
        <source>{path} already holds services; demo data goes into a new database only</source>
        <translation>{path} 中已有班次；演示数据只能写入新数据库</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/services.py" line="82"/>
        <source>This service no longer exists</source>
        <translation>此班次已不存在</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/services.py" line="83"/>
        <source>{user} deleted service {number} at {at}</source>
        <translation>{user} 已于 {at} 删除班次 {number}</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/services.py" line="319"/>
        <source>{value} is no longer in the list: it was deleted at another desk; choose again</source>
        <translation>{value} 已不在列表中：它已在另一工作台被删除；请重新选择</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/services.py" line="388"/>
        <source>The database was restored from {file} by {user} at {at}; this service is not in it: your changes were not saved</source>
        <translation>数据库已由 {user} 于 {at} 从 {file} 恢复；其中没有此班次：您的修改未保存</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/services.py" line="395"/>
        <source>The database was restored from {file} by {user} at {at}, after you opened this service; your changes were not saved and are still on screen. Note them, press Revert to see the service as the backup has it, and enter them again</source>
        <translation>在您打开此班次后，数据库已由 {user} 于 {at} 从 {file} 恢复；您的修改未保存，仍显示在屏幕上。请记下修改，按“还原”查看班次在备份中的内容，然后重新输入</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/services.py" line="401"/>
        <source>{user} deleted this service at {at}, after you opened it; your changes were not saved</source>
        <translation>{user} 在您打开此班次后于 {at} 删除了它；您的修改未保存</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/services.py" line="409"/>
        <source>{user} merged {name} into {target} at {at}, after you opened this service, which has containers of it; your changes were not saved and are still on screen. Note them, press Revert to see the service as it is now, and enter them again</source>
        <translation>{user} 在您打开此班次后于 {at} 把 {name} 合并到 {target}，此班次有该货名的集装箱；您的修改未保存，仍显示在屏幕上。请记下修改，按“还原”查看班次的当前内容，然后重新输入</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/services.py" line="418"/>
        <source>{user} imported {file} at {at}, adding containers to this service after you opened it; your changes were not saved and are still on screen. Note them, press Revert to see the service as it is now, and enter them again</source>
        <translation>{user} 在您打开此班次后于 {at} 导入了 {file}，向此班次添加了集装箱；您的修改未保存，仍显示在屏幕上。请记下修改，按“还原”查看班次的当前内容，然后重新输入</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/services.py" line="431"/>
        <source>{user} saved this service at {at}, after you opened it; your changes were not saved and are still on screen. Note them, press Revert to see the service as it is now, and enter them again</source>
        <translation>{user} 在您打开此班次后于 {at} 保存了它；您的修改未保存，仍显示在屏幕上。请记下修改，按“还原”查看班次的当前内容，然后重新输入</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/services.py" line="436"/>
        <source>{user} changed this service at {at} ({fields}), after you opened it; your changes were not saved and are still on screen. Note them, press Revert to see the service as it is now, and enter them again</source>
        <translation>{user} 在您打开此班次后于 {at} 修改了它（{fields}）；您的修改未保存，仍显示在屏幕上。请记下修改，按“还原”查看班次的当前内容，然后重新输入</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/users.py" line="176"/>
        <source>Your role is now {role}, which may not do this: sign in again</source>
        <translation>您的角色现在是 {role}，无权执行此操作：请重新登录</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/users.py" line="166"/>
        <source>{name} ({role}) may not do this; it needs the role {allowed}</source>
        <translation>{name}（{role}）无权执行此操作；需要角色 {allowed}</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/users.py" line="120"/>
        <source>{name} is the name Hub Desk writes in the audit log for the demo data; choose another</source>
        <translation>{name} 是枢纽工作台在审计日志中代表演示数据的名称；请另选一个</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/users.py" line="123"/>
        <source>{name} is the name Hub Desk writes in the audit log for a lock-out after wrong passwords; choose another</source>
        <translation>{name} 是枢纽工作台在审计日志中代表因密码错误而锁定账户的名称；请另选一个</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/users.py" line="143"/>
        <source>Single-user mode is off on this hub: log in (File ▸ Switch user…)</source>
        <translation>本枢纽的单用户模式已关闭：请登录（文件 ▸ 切换用户…）</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/users.py" line="153"/>
        <source>Your account {name} is not in this database: nothing can be saved here; log in with an account it has (File ▸ Switch user…) or close Hub Desk</source>
        <translation>此数据库中没有您的账户 {name}：此处无法保存任何内容；请用此数据库中的其他账户登录（文件 ▸ 切换用户…），或退出枢纽工作台</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/users.py" line="158"/>
        <source>An admin has deactivated your account {name}: nothing can be saved here; log in as someone else (File ▸ Switch user…) or close Hub Desk</source>
        <translation>管理员已停用您的账户 {name}：此处无法保存任何内容；请以其他用户身份登录（文件 ▸ 切换用户…），或退出枢纽工作台</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/users.py" line="245"/>
        <source>The first admin already exists; log in as an admin to add users</source>
        <translation>第一位管理员已存在；请以管理员身份登录后添加用户</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/users.py" line="259"/>
        <source>Add an admin first (hubapp users add NAME --role admin): everyone logs in on this hub, and no active user is an admin to manage users, settings and backups</source>
        <translation>请先添加一名管理员（hubapp users add NAME --role admin）：本枢纽人人都需登录，而现在没有已启用的管理员来管理用户、设置和备份</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/users.py" line="274"/>
        <source>Change your own password with File ▸ Change my password…, which asks for the current one</source>
        <translation>请通过“文件 ▸ 修改我的密码…”修改自己的密码，那里会要求输入当前密码</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/users.py" line="293"/>
        <source>The current password is wrong; the password was not changed</source>
        <translation>当前密码错误；密码未修改</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/users.py" line="339"/>
        <source>{name} is not locked out</source>
        <translation>{name} 未被锁定</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/users.py" line="362"/>
        <source>Wrong user name or password</source>
        <translation>用户名或密码错误</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/users.py" line="415"/>
        <source>{name} is locked out after {attempts} wrong passwords; try again in {minutes} min or ask an admin</source>
        <translation>{name} 因 {attempts} 次密码错误已被锁定；请 {minutes} 分钟后重试或联系管理员</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/users.py" line="373"/>
        <source>{name} is deactivated; ask an admin</source>
        <translation>{name} 已停用；请联系管理员</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/users.py" line="472"/>
        <source>Add an admin first: without single-user mode everyone logs in, and no active user is an admin</source>
        <translation>请先添加一名管理员：关闭单用户模式后人人都需登录，而现在没有已启用的管理员</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/users.py" line="487"/>
        <source>A user name must be 1–{max} characters</source>
        <translation>用户名须为 1–{max} 个字符</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/users.py" line="117"/>
        <source>{name} is the name Hub Desk writes in the audit log for the command line; choose another</source>
        <translation>{name} 是枢纽工作台在审计日志中代表命令行的名称；请另选一个</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/users.py" line="418"/>
        <source>{name} is locked out after {attempts} wrong passwords; try again in {minutes} min</source>
        <translation>{name} 因 {attempts} 次密码错误已被锁定；请 {minutes} 分钟后重试</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/users.py" line="502"/>
        <source>User {name} already exists</source>
        <translation>用户 {name} 已存在</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/users.py" line="514"/>
        <source>Role {role} is unknown (expected clerk, supervisor or admin)</source>
        <translation>未知角色 {role}（应为 clerk、supervisor 或 admin）</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/users.py" line="522"/>
        <source>A password needs at least {min} characters</source>
        <translation>密码至少需要 {min} 个字符</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/users.py" line="525"/>
        <source>A password needs more than spaces</source>
        <translation>密码不能只有空格</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/users.py" line="529"/>
        <source>A password must not be the user&apos;s name</source>
        <translation>密码不能与用户名相同</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/users.py" line="537"/>
        <source>{name} cannot change their own role or deactivate themselves; another admin can</source>
        <translation>{name} 不能更改自己的角色或停用自己；请由另一位管理员操作</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/users.py" line="552"/>
        <source>User {name} does not exist</source>
        <translation>用户 {name} 不存在</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/users.py" line="584"/>
        <source>{name} is the last active admin; make another admin first</source>
        <translation>{name} 是最后一个已启用的管理员；请先设置另一位管理员</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="37"/>
        <source>A service that departed needs its actual time</source>
        <translation>已发运的班次需要填写实际时间</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="38"/>
        <source>A service that arrived needs its actual time</source>
        <translation>已到达的班次需要填写实际时间</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="41"/>
        <source>Scheduled time {value!r} is not a time: type 20:00, 00:30 +1 for the next day, or a date and time like 2026-03-07 00:30</source>
        <translation>计划时间“{value}”不是时间：请输入 20:00，次日填 00:30 +1，或输入日期和时间，如 2026-03-07 00:30</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="44"/>
        <source>Actual time {value!r} is not a time: type 09:10, 09:10 +1 for the next day, or a date and time like 2026-03-07 09:10</source>
        <translation>实际时间“{value}”不是时间：请输入 09:10，次日填 09:10 +1，或输入日期和时间，如 2026-03-07 09:10</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/daily_log/service_form.py" line="464"/>
        <source>Place {value!r} is not a known UN/LOCODE or place name</source>
        <translation>地点“{value}”不是已知的 UN/LOCODE 或地名</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/reference.py" line="183"/>
        <source>HS code {code} is shared by {names}: type the commodity&apos;s name</source>
        <translation>HS 编码 {code} 由 {names} 共用：请输入货名</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/reference.py" line="274"/>
        <source>{name} is retired: use {successor} (the same HS code) instead</source>
        <translation>{name} 已停用：请改用 {successor}（同一 HS 编码）</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/reference.py" line="277"/>
        <source>{name} is retired: choose another commodity, or ask a supervisor to bring it back into use</source>
        <translation>{name} 已停用：请选择其他货名，或请主管恢复使用</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/reference.py" line="400"/>
        <source>Commodity no. {id} does not exist: choose the commodity again</source>
        <translation>编号为 {id} 的货名不存在：请重新选择货名</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/reference.py" line="415"/>
        <source>{name} was merged into {target} at another desk: choose the commodity again</source>
        <translation>{name} 已在另一工作台合并到 {target}：请重新选择货名</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/reference.py" line="665"/>
        <source>{value!r} is already in the list</source>
        <translation>“{value}”已在列表中</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/reference.py" line="729"/>
        <source>Place {value} cannot be deleted: it is the origin or destination of {count} service(s). Edit its names instead</source>
        <translation>无法删除地点 {value}：它是 {count} 个班次的始发地或目的地。请改为编辑其名称</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/reference.py" line="734"/>
        <source>Place {value} cannot be deleted: it is the origin or destination of {routes}. Delete those routes first if no service uses them, or edit the place&apos;s names instead</source>
        <translation>无法删除地点 {value}：它是线路 {routes} 的始发地或目的地。若这些线路没有班次使用，请先删除它们；否则请改为编辑该地点的名称</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/reference.py" line="739"/>
        <source>Place {value} cannot be deleted: it is the origin or destination of {count} service(s) and of {routes}. Edit its names instead</source>
        <translation>无法删除地点 {value}：它是 {count} 个班次以及线路 {routes} 的始发地或目的地。请改为编辑其名称</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/reference.py" line="747"/>
        <source>Route {value} cannot be deleted: it is the route of {count} service(s). Edit its names instead</source>
        <translation>无法删除线路 {value}：有 {count} 个班次使用该线路。请改为编辑其名称</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/reference.py" line="573"/>
        <source>Commodity {id} no longer exists</source>
        <translation>货名 {id} 已不存在</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/reference.py" line="177"/>
        <source>{value} is an HS heading or chapter: give the commodity&apos;s 6-digit HS code or its name</source>
        <translation>{value} 是 HS 品目或章：请填写货名的 6 位 HS 编码或货名</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/reference.py" line="208"/>
        <source>“{value}” was merged into {target}: write that name instead</source>
        <translation>“{value}”已合并到 {target}：请改填该名称</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/reference.py" line="601"/>
        <source>A commodity cannot be merged into itself</source>
        <translation>货名不能合并到自身</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/reference.py" line="660"/>
        <location filename="../../hubapp/store/reference.py" line="774"/>
        <source>{value} no longer exists</source>
        <translation>{value} 已不存在</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/__init__.py" line="132"/>
        <source>There is no display to show the window on: start Hub Desk in a desktop session (the commands in hubapp --help need none)</source>
        <translation>没有可显示窗口的屏幕：请在桌面会话中启动枢纽工作台（hubapp --help 中的命令无需屏幕）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/demo.py" line="19"/>
        <source>--days must be between 1 and 5000, not {days}</source>
        <translation>--days 须在 1 到 5000 之间，而不是 {days}</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/demo.py" line="23"/>
        <source>--containers must be between 1 and 50,000,000, not {count}</source>
        <translation>--containers 须在 1 到 50,000,000 之间，而不是 {count}</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/files.py" line="138"/>
        <source>migrate-to copies a hub&apos;s file (--db FILE) to a server database (postgresql://user@host/dbname)</source>
        <translation>migrate-to 将枢纽的数据库文件（--db 文件）复制到服务器数据库（postgresql://用户@主机/数据库名）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/users.py" line="70"/>
        <source>No password was given; nothing was changed</source>
        <translation>未输入密码；未做任何更改</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/users.py" line="92"/>
        <source>The two passwords differ; nothing was changed</source>
        <translation>两次输入的密码不同；未做任何更改</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/transfer.py" line="31"/>
        <source>The import changes closed days: {days}; give --reason TEXT to import onto them</source>
        <translation>此次导入会改变已关账的日期：{days}；导入到这些日期须加 --reason 说明原因</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/transfer.py" line="37"/>
        <source>The import alters the dwell time of containers that left on closed days: {days}; give --reason TEXT to import anyway</source>
        <translation>此次导入会改变已关账日期（{days}）离场集装箱的堆存时间：仍要导入须加 --reason 说明原因</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/transfer.py" line="43"/>
        <source>Column {other!r} already gives {name}; rename or delete one of the columns (or map them in File ▸ Import…)</source>
        <translation>列“{other}”已对应 {name}；请重命名或删除其中一列（或在“文件 ▸ 导入…”中对应）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/transfer.py" line="46"/>
        <source>This column gives the actual time (an outbound train&apos;s departure, an inbound one&apos;s arrival), and column {other!r} a time of the train too: name this one {free!r}, or leave one of the two out</source>
        <translation>此列给出实际时间（去程班列为发车时间，回程班列为到达时间），而列“{other}”也给出班列的时间：请将此列命名为“{free}”，或删去两列之一</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/transfer.py" line="51"/>
        <source>Container {number} is not on service {service} of {date}, which is already stored: import with --skip-duplicates to add the new boxes to it, or leave the row out</source>
        <translation>{date} 的班次 {service} 已在库中，但其中没有箱号 {number}：加上 --skip-duplicates 再导入，即可将新增的集装箱添加到该班次，或从文件中删去此行</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/transfer.py" line="69"/>
        <source>--problems {path} is the file being imported or the database: name another file for the problem list</source>
        <translation>--problems {path} 是要导入的文件或数据库本身：请为问题清单另指定一个文件</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/transfer.py" line="75"/>
        <source>--problems {path} exists and is not a .csv file: name another file for the problem list</source>
        <translation>--problems {path} 已存在且不是 .csv 文件：请为问题清单另指定一个文件</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/transfer.py" line="34"/>
        <source>The import alters the dwell time of containers that left on {date}, which is closed: give --reason TEXT to import anyway</source>
        <translation>此次导入会改变 {date}（已关账）离场集装箱的堆存时间：仍要导入须加 --reason 说明原因</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/transfer.py" line="30"/>
        <source>{date} is closed: give --reason TEXT to import onto it</source>
        <translation>{date} 已关账：导入到这一天须加 --reason 说明原因</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/common.py" line="144"/>
        <source>--from {start} is after --to {end}</source>
        <translation>--from {start} 晚于 --to {end}</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/transfer.py" line="193"/>
        <source>report {kind} needs {options}</source>
        <translation>报表 {kind} 需要 {options}</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/transfer.py" line="198"/>
        <source>report {kind} takes {options}, not {extra}</source>
        <translation>报表 {kind} 使用 {options}，不接受 {extra}</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="337"/>
        <source>Inbound service {number} of {date} is already in the database ({count} row(s) of this file)</source>
        <translation>{date} 的回程班次 {number} 已在数据库中（本文件中 {count} 行）</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="340"/>
        <source>Outbound service {number} of {date} is already in the database ({count} row(s) of this file)</source>
        <translation>{date} 的去程班次 {number} 已在数据库中（本文件中 {count} 行）</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="347"/>
        <source>Container {number} is already stored on inbound service {other} of {date}</source>
        <translation>集装箱 {number} 已登记在 {date} 的回程班次 {other} 上</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="349"/>
        <source>Container {number} is already stored on outbound service {other} of {date}</source>
        <translation>集装箱 {number} 已登记在 {date} 的去程班次 {other} 上</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="369"/>
        <source>Service {number} of {date} is stored as cancelled, so its containers are not counted: set its status in the daily log first, or leave its {count} row(s) out</source>
        <translation>{date} 的班次 {number} 已登记为“已取消”，其集装箱不计入运量：请先在每日台账中改正其状态，或去掉该班次的 {count} 行</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="373"/>
        <source>Service {number} of {date} is stored as planned, so its containers are not counted: set its status in the daily log first, or leave its {count} row(s) out</source>
        <translation>{date} 的班次 {number} 已登记为“计划中”，其集装箱不计入运量：请先在每日台账中改正其状态，或去掉该班次的 {count} 行</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="382"/>
        <source>Container {number} is on cancelled service {other} of {date}: take it off that service first</source>
        <translation>集装箱 {number} 在 {date} 已取消的班次 {other} 上：请先将其从该班次移除</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="385"/>
        <source>Container {number} is on planned service {other} of {date}: take it off that service first</source>
        <translation>集装箱 {number} 在 {date} 计划中的班次 {other} 上：请先将其从该班次移除</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="392"/>
        <source>Container {number} is not on service {service} of {date}, which is already stored: import with “Skip services and containers already in the database” ticked to add the new boxes to it, or leave the row out</source>
        <translation>{date} 的班次 {service} 已在库中，但其中没有箱号 {number}：勾选“跳过数据库中已有的班次和集装箱”后再导入，即可将新增的集装箱添加到该班次，或从文件中删去此行</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="476"/>
        <source>The database holds nothing for service {number} of {date}: an import does not change it</source>
        <translation>数据库中 {date} 班次 {number} 的此项为空，导入不会修改已有数据</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="478"/>
        <source>The database holds {stored!r} for service {number} of {date}: an import does not change it</source>
        <translation>数据库中 {date} 班次 {number} 的此项为“{stored}”，导入不会修改已有数据</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="481"/>
        <source>The database holds nothing for container {container} on service {number} of {date}: an import does not change it</source>
        <translation>数据库中 {date} 班次 {number} 上集装箱 {container} 的此项为空，导入不会修改已有数据</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/importing.py" line="483"/>
        <source>The database holds {stored!r} for container {container} on service {number} of {date}: an import does not change it</source>
        <translation>数据库中 {date} 班次 {number} 上集装箱 {container} 的此项为“{stored}”，导入不会修改已有数据</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/postgres.py" line="579"/>
        <source>{path} is not a database address PostgreSQL understands: {reason}</source>
        <translation>{path} 不是 PostgreSQL 能识别的数据库地址：{reason}</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/postgres.py" line="606"/>
        <source>The server of {path} runs PostgreSQL {version}; Hub Desk needs PostgreSQL {needed} or newer</source>
        <translation>{path} 的服务器运行的是 PostgreSQL {version}；枢纽工作台需要 PostgreSQL {needed} 或更新版本</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/postgres.py" line="614"/>
        <source>The server database {path} keeps text as {encoding}, not UTF-8, so Chinese names cannot be stored in it; ask for a database created with ENCODING &apos;UTF8&apos;</source>
        <translation>服务器数据库 {path} 以 {encoding} 而非 UTF-8 保存文本，无法存储中文名称；请申请一个以 ENCODING &apos;UTF8&apos; 创建的数据库</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/postgres.py" line="703"/>
        <source>The server database {path} holds tables of another program ({tables}); Hub Desk needs a database of its own</source>
        <translation>服务器数据库 {path} 中有其他程序的表（{tables}）；枢纽工作台需要一个专用的数据库</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/postgres.py" line="729"/>
        <source>The server of {path} asks for a password: put it in ~/.pgpass (or a PostgreSQL service file, or PGPASSWORD) and try again</source>
        <translation>{path} 的服务器要求密码：请将密码写入 ~/.pgpass（或 PostgreSQL 服务文件，或 PGPASSWORD）后重试</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/postgres.py" line="732"/>
        <source>The server of {path} refused the user name or password</source>
        <translation>{path} 的服务器拒绝了该用户名或密码</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/postgres.py" line="723"/>
        <source>The server has no database {path}: ask the hub&apos;s IT to create it (createdb) and give you access</source>
        <translation>服务器上没有数据库 {path}：请枢纽的 IT 人员创建（createdb）并为您开通访问权限</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/postgres.py" line="280"/>
        <source>Cannot reach the server of {path}: {again}</source>
        <translation>无法连接 {path} 的服务器：{again}</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/postgres.py" line="735"/>
        <source>The server refused access to {path}: ask the hub&apos;s IT for the rights to it</source>
        <translation>服务器拒绝访问 {path}：请向枢纽的 IT 人员申请相应权限</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/engine.py" line="25"/>
        <source>Database {path} is busy: another Hub Desk is saving. Try again in a moment</source>
        <translation>数据库 {path} 正忙：另一台枢纽工作台正在保存，请稍后再试</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/engine.py" line="27"/>
        <source>Database {path} is read-only on the server</source>
        <translation>数据库 {path} 在服务器上是只读的</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/engine.py" line="31"/>
        <source>Database {path} is busy: another Hub Desk is upgrading it for this version or saving to it. Try again once it is done, and if this goes on, close Hub Desk on the other desks</source>
        <translation>数据库 {path} 正忙：另一台枢纽工作台正在将其升级到此版本或正在保存。请在完成后再试；如果一直如此，请在其他工作台上退出枢纽工作台</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/postgres.py" line="738"/>
        <source>The hub&apos;s tables on {path} belong to another login: connect as the login that made them (the one migrate-to ran as), or ask the hub&apos;s IT to make yours their owner</source>
        <translation>{path} 上枢纽的数据表属于另一个登录名：请用创建它们的登录名（运行 migrate-to 时所用的）连接，或请枢纽 IT 将你的登录名设为其所有者</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/postgres.py" line="771"/>
        <source>The server of {path} has no ICU: Hub Desk needs PostgreSQL built with ICU, as Debian&apos;s and most others are</source>
        <translation>{path} 的服务器不支持 ICU：枢纽工作台需要带 ICU 编译的 PostgreSQL（Debian 及大多数发行版的版本均带 ICU）</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/postgres.py" line="749"/>
        <source>The server of {path} is unknown: check the host name</source>
        <translation>找不到 {path} 的服务器：请检查主机名</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/postgres.py" line="755"/>
        <source>The connection to the server of {path} was lost: {again} ({reason})</source>
        <translation>与 {path} 所在服务器的连接已断开：{again}（{reason}）</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/postgres.py" line="757"/>
        <source>The connection to the server of {path} was lost: nothing was saved; {again} ({reason})</source>
        <translation>与 {path} 所在服务器的连接已断开：未保存任何内容；{again}（{reason}）</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/postgres.py" line="760"/>
        <source>The connection to the server of {path} was lost as the save was being committed: it may or may not have been saved. Check it once connected again, before saving it again ({reason})</source>
        <translation>提交保存时与 {path} 所在服务器的连接已断开：可能已保存，也可能未保存。请在重新连接后先核对，再决定是否重新保存（{reason}）</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/postgres.py" line="766"/>
        <source>connecting again in the background; try again in a moment</source>
        <translation>正在后台重新连接，请稍后再试</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/postgres.py" line="768"/>
        <source>try again in a moment</source>
        <translation>请稍后再试</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/postgres.py" line="794"/>
        <source>Cannot reach the server of {path}: {reason}</source>
        <translation>无法连接 {path} 的服务器：{reason}</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/server_backup.py" line="42"/>
        <source>{tool} is not installed on this computer: install PostgreSQL&apos;s client tools (Debian: apt install postgresql-client), or ask the server&apos;s administrator for a backup</source>
        <translation>本机未安装 {tool}：请安装 PostgreSQL 客户端工具（Debian：apt install postgresql-client），或向服务器管理员索取备份</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/server_backup.py" line="62"/>
        <source>{tool} failed for {path}: {reason}</source>
        <translation>{tool} 处理 {path} 失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/server_backup.py" line="89"/>
        <source>{path} holds no Hub Desk data yet: there is nothing to back up</source>
        <translation>{path} 中还没有枢纽工作台数据：无可备份</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/server_backup.py" line="105"/>
        <source>{path} exists and is not a backup; choose another file name</source>
        <translation>{path} 已存在且不是备份文件；请换一个文件名</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/server_backup.py" line="164"/>
        <source>{path} is not a PostgreSQL backup (pg_dump&apos;s custom format); it cannot be restored</source>
        <translation>{path} 不是 PostgreSQL 备份（pg_dump 自定义格式）；无法恢复</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/server_backup.py" line="134"/>
        <source>{path} is a backup of another program&apos;s database, not of a Hub Desk one; it cannot be restored here</source>
        <translation>{path} 是其他程序数据库的备份，不是枢纽工作台的；不能在此恢复</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/to_server.py" line="82"/>
        <source>The server database {path} is not empty (it holds {tables}); migrate-to copies into a database no desk has used yet: create a new one (createdb), run migrate-to, then connect the desks</source>
        <translation>服务器数据库 {path} 不是空的（其中有 {tables}）；migrate-to 只能复制到尚未有工作台使用过的数据库：请新建一个（createdb），运行 migrate-to，然后再连接各工作台</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/to_server.py" line="102"/>
        <source>The copy of table {table} differs from the file (rows: {file} in the file, {server} on the server); nothing was kept on the server</source>
        <translation>表 {table} 的副本与文件不一致（行数：文件 {file}，服务器 {server}）；服务器上未保留任何数据</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/to_server.py" line="134"/>
        <source>Users {names} would be one name on a server, which tells apart neither letter case nor some other differences (hiragana and katakana, for one). Users cannot be renamed or removed (a deactivated user keeps the name), so keep this hub in its file; nothing was copied</source>
        <translation>用户 {names} 在服务器上会被视为同一名称：服务器不区分字母大小写及其他一些差别（例如平假名与片假名）。用户无法改名或删除（停用的用户仍保留其名称），因此请继续使用本枢纽的数据库文件；未复制任何内容</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/to_server.py" line="199"/>
        <source>The server refused a row of table {table} in {path} ({reason}), so nothing was kept on the server: hubapp check --db {path} names what is wrong in the file</source>
        <translation>服务器拒收了 {path} 中表 {table} 的一行（{reason}），因此服务器上未保留任何数据：hubapp check --db {path} 会指出文件中的问题所在</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/check.py" line="166"/>
        <source>{path} holds no Hub Desk data yet: there is nothing to check</source>
        <translation>{path} 中还没有枢纽工作台数据：无可检查</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/interchange.py" line="370"/>
        <source>Some services or containers of {file} were saved at another desk meanwhile; nothing was imported. Import the file again to see which</source>
        <translation>{file} 中的部分班次或集装箱刚刚已在另一工作台保存；未导入任何数据。请重新导入该文件以查看是哪些</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/interchange.py" line="375"/>
        <source>A commodity named in {file} was merged into another at another desk meanwhile; nothing was imported. Import the file again</source>
        <translation>{file} 中的某个货名刚刚已在另一工作台被合并到其他货名；未导入任何数据。请重新导入该文件</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/interchange.py" line="380"/>
        <source>A route or place named in {file} was deleted at another desk meanwhile; nothing was imported. Import the file again</source>
        <translation>{file} 中的某条线路或某个地点刚刚已在另一工作台被删除；未导入任何数据。请重新导入该文件</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/errors.py" line="94"/>
        <source>name_en</source>
        <translation>name_zh</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/errors.py" line="163"/>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/errors.py" line="173"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/errors.py" line="188"/>
        <source>the disk is read-only</source>
        <translation>磁盘为只读</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/errors.py" line="189"/>
        <location filename="../../hubapp/domain/errors.py" line="190"/>
        <source>permission denied</source>
        <translation>没有权限</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/errors.py" line="191"/>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/errors.py" line="193"/>
        <source>the file is too large for the disk</source>
        <translation>文件超出该磁盘的大小限制</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/errors.py" line="194"/>
        <source>no such file or folder</source>
        <translation>没有此文件或文件夹</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/errors.py" line="195"/>
        <source>a file of that name already exists</source>
        <translation>已有同名文件</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/errors.py" line="196"/>
        <source>it is in use by another program</source>
        <translation>正被其他程序使用</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/errors.py" line="197"/>
        <source>the disk could not be read or written</source>
        <translation>磁盘无法读写</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/errors.py" line="198"/>
        <source>the name is too long</source>
        <translation>名称过长</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/errors.py" line="199"/>
        <source>part of the path is not a folder</source>
        <translation>路径中有一部分不是文件夹</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/errors.py" line="200"/>
        <source>it is a folder</source>
        <translation>这是一个文件夹</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/errors.py" line="201"/>
        <source>it is closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/errors.py" line="202"/>
        <source>the program reading it has ended</source>
        <translation>读取它的程序已结束</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/errors.py" line="205"/>
        <source>the disk quota is used up</source>
        <translation>磁盘配额已用完</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/clock.py" line="102"/>
        <source>{zone}, this computer&apos;s: the hub has no time zone set in Settings</source>
        <translation>按本机时区 {zone}，因枢纽未在设置中设定时区</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/clock.py" line="104"/>
        <source>{zone}, this computer&apos;s: the hub&apos;s time zone {hub_zone} is not among this computer&apos;s zone files, nor in tzdata</source>
        <translation>按本机时区 {zone}，因本机的时区文件和 tzdata 中都没有枢纽的时区 {hub_zone}</translation>
    </message>
    <message>
        <location filename="../../hubapp/store/filesystem.py" line="133"/>
        <source>{path} is not a file: choose another file name</source>
        <translation>{path} 不是文件：请换一个文件名</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/visits.py" line="23"/>
        <source>{number} arrived on {date} on {service} and has no departure logged since</source>
        <translation>集装箱 {number} 已于 {date} 随班次 {service} 到达，此后没有离开记录</translation>
    </message>
    <message>
        <location filename="../../hubapp/domain/visits.py" line="25"/>
        <source>{number} left on {date} on {service} and has no arrival logged since</source>
        <translation>集装箱 {number} 已于 {date} 随班次 {service} 离开，此后没有到达记录</translation>
    </message>
</context>
<context>
    <name>near_numbers</name>
    <message>
        <location filename="../../hubapp/ui/near_numbers.py" line="32"/>
        <source>Did you mean {numbers}?</source>
        <translation>您要找的是不是 {numbers}？</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/near_numbers.py" line="38"/>
        <source>{number} ({count} move(s), last {date})</source>
        <translation>{number}（{count} 条箱动态，最近一次 {date}）</translation>
    </message>
</context>
<context>
    <name>problem list</name>
    <message>
        <location filename="../../hubapp/interchange/writing.py" line="409"/>
        <source>line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/writing.py" line="409"/>
        <source>column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/writing.py" line="410"/>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../hubapp/interchange/writing.py" line="410"/>
        <source>problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>reference</name>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="58"/>
        <source>Farm products</source>
        <translation>农产品</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="59"/>
        <source>Food</source>
        <translation>食品</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="60"/>
        <source>Electronics</source>
        <translation>电子产品</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="61"/>
        <source>Automotive</source>
        <translation>汽车</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="62"/>
        <source>Machinery</source>
        <translation>机械</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="63"/>
        <source>Chemicals</source>
        <translation>化工</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="64"/>
        <source>Materials</source>
        <translation>原材料</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/labels.py" line="65"/>
        <source>Consumer goods</source>
        <translation>消费品</translation>
    </message>
</context>
<context>
    <name>sort_menu</name>
    <message>
        <location filename="../../hubapp/ui/sort_menu.py" line="18"/>
        <source>To sort the list from the keyboard, press Shift+F10 or the Menu key in it and choose a column.</source>
        <translation>用键盘排序列表：在列表中按 Shift+F10 或菜单键，然后选择一列。</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/sort_menu.py" line="36"/>
        <source>Sort by {column}</source>
        <translation>按{column}排序</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/sort_menu.py" line="44"/>
        <source>&amp;Ascending</source>
        <translation>升序(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../hubapp/ui/sort_menu.py" line="46"/>
        <source>&amp;Descending</source>
        <translation>降序(&amp;D)</translation>
    </message>
</context>
<context>
    <name>stats</name>
    <message>
        <location filename="../../hubapp/cli/stats.py" line="43"/>
        <source>total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/stats.py" line="44"/>
        <source>key</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/stats.py" line="44"/>
        <source>services</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/stats.py" line="45"/>
        <source>containers</source>
        <translation>箱量</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/stats.py" line="45"/>
        <source>teu</source>
        <translation>标箱</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/stats.py" line="46"/>
        <source>full</source>
        <translation>重箱</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/stats.py" line="46"/>
        <source>empty</source>
        <translation>空箱</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/stats.py" line="47"/>
        <source>gross_kg</source>
        <translation>毛重（千克）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/stats.py" line="50"/>
        <source>A service carrying several commodities counts in each of their rows; the total counts it once.</source>
        <translation>装有多种货物的班次计入其每种货物的行；合计中只计一次。</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/stats.py" line="61"/>
        <source>(no route)</source>
        <translation>（无线路）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/stats.py" line="62"/>
        <source>(empty or not given)</source>
        <translation>（空箱或未填）</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/stats.py" line="64"/>
        <source>outbound</source>
        <translation>去程</translation>
    </message>
    <message>
        <location filename="../../hubapp/cli/stats.py" line="65"/>
        <source>inbound</source>
        <translation>回程</translation>
    </message>
</context>
</TS>
